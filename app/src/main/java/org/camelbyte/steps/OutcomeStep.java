package org.camelbyte.steps;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunEnds;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;

/**
 * {@code direct:run-finish}: gives the run its outcome from the job's end and the post-sync verdict (unless a
 * step of the follow loop already decided it), with the results the team's steps kept, in one write; then
 * hands the run to {@code direct:run-outcome}. Runs once per run: the run queue calls it again after the
 * pipeline's route, so a template without it still ends every run.
 */
class OutcomeStep implements Processor {
    private final RunEnding ending;
    private final RunStore store;
    private final OutcomeHandOff outcomes;

    OutcomeStep(RunEnding ending, RunStore store, OutcomeHandOff outcomes) {
        this.ending = ending;
        this.store = store;
        this.outcomes = outcomes;
    }

    @Override
    public void process(Exchange exchange) {
        if (exchange.getProperty(RunProperties.PUBLISHED, false, Boolean.class)) {
            return;
        }
        Run run = RunVariable.of(exchange);
        RunVariable.keepResults(exchange, run);
        if (run.isFinal()) {
            // ended in the follow loop (deadline, watchdog, cancel): the steps since may have kept results
            if (run.getResults() != null) {
                store.recordResults(run.getRunId(), run.getResults());
            }
        } else if (!end(exchange, run)) {
            // it had already ended (its record has the outcome); the route stops without publishing
            return;
        }
        exchange.setProperty(RunProperties.PUBLISHED, true);
        RunEnds.logOutcome(run);
        outcomes.publish(run);
    }

    private boolean end(Exchange exchange, Run run) {
        AirbyteJob job = exchange.getProperty(AirbyteJob.class.getName(), AirbyteJob.class);
        if (job == null) {
            return ending.end(
                    exchange,
                    run,
                    RunStatus.FAILED,
                    "The pipeline's route ended before its job did: routes/airbyte-sync.camel.yaml must call"
                            + " direct:run-trigger and direct:run-follow before direct:run-finish.");
        }
        return switch (job.status()) {
            case SUCCEEDED -> {
                String checkFailed = exchange.getProperty(RunProperties.POST_SYNC_FAILURE, String.class);
                yield ending.end(
                        exchange, run, checkFailed == null ? RunStatus.SUCCEEDED : RunStatus.FAILED, checkFailed);
            }
            case CANCELLED ->
                ending.end(
                        exchange,
                        run,
                        RunStatus.CANCELLED,
                        "Job " + job.jobId() + " was cancelled in Airbyte before it finished.");
            // a reason the poll step already read from Airbyte is kept
            default ->
                ending.end(
                        exchange,
                        run,
                        RunStatus.FAILED,
                        run.getError() != null
                                ? null
                                : "Airbyte reports job " + job.jobId()
                                        + " failed without giving a reason (the public API"
                                        + " reports none); read the job's logs in Airbyte.");
        };
    }
}
