package org.camelbyte.steps;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;

/** Gives the run its outcome from the job's end (unless a step already decided it) and records it. */
class OutcomeStep implements Processor {
    private final RunEnding ending;

    OutcomeStep(RunEnding ending) {
        this.ending = ending;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = exchange.getMessage().getBody(Run.class);
        if (!run.isFinal()) {
            AirbyteJob job = exchange.getProperty(AirbyteJob.class.getName(), AirbyteJob.class);
            boolean ours = switch (job.status()) {
                case SUCCEEDED -> ending.end(exchange, run, RunStatus.SUCCEEDED, null);
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
            if (!ours) {
                // it had already ended (its record has the outcome); the route stops without publishing
                return;
            }
        }
        RunEnding.logOutcome(run);
    }
}
