package org.camelbyte.steps;

import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.observe.RunLogContext;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunEnds;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;

/**
 * {@code direct:run-finish}: gives the run its outcome from the job's end and the post-sync verdict (unless a
 * step of the follow loop already decided it), with the results the team's steps kept, in one write; then
 * hands the run to {@code direct:run-outcome}. Runs once per run: the run queue calls it again after the
 * pipeline's route, so a template without it still ends every run.
 *
 * <p>The outcome's write does not hold the step thread: the route goes on, on the step pool, once the shared
 * commit that carries it is durable. Waiting on it, the step pool's 8 threads let at most 8 ends share a commit,
 * and 2,000 syncs ending within a second were recorded some 300 ms after the poller saw them (lag p50 820–915
 * against its 500 ms); with the thread free, hundreds share one and the p50 was 543–558 ms (bench, N = 2,000).
 * The continuation keeps the run's ids in the log context, as the steps the interceptor wraps do.
 */
class OutcomeStep extends AsyncProcessorSupport {
    private final RunEnding ending;
    private final RunStore store;
    private final OutcomeHandOff outcomes;
    private final Executor stepPool;

    OutcomeStep(RunEnding ending, RunStore store, OutcomeHandOff outcomes, Executor stepPool) {
        this.ending = ending;
        this.store = store;
        this.outcomes = outcomes;
        this.stepPool = stepPool;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            if (exchange.getProperty(RunProperties.PUBLISHED, false, Boolean.class)) {
                callback.done(true);
                return true;
            }
            Run run = RunVariable.of(exchange);
            RunVariable.keepResults(exchange, run);
            AirbyteJob job = exchange.getProperty(AirbyteJob.class.getName(), AirbyteJob.class);
            if (run.isFinal() || job == null || RunEnding.endedByThisRoute(exchange)) {
                finishNow(exchange, run, job);
                callback.done(true);
                return true;
            }
            ending.ends()
                    .recordLater(run, statusOf(exchange, job), errorOf(exchange, run, job))
                    .whenCompleteAsync(
                            (updated, failure) -> RunLogContext.inContextOf(run, () -> {
                                try {
                                    if (failure != null) {
                                        exchange.setException(
                                                failure instanceof CompletionException ? failure.getCause() : failure);
                                    } else if (ending.takeEnd(exchange, run, updated)) {
                                        publish(run, exchange);
                                    }
                                } catch (RuntimeException e) {
                                    exchange.setException(e);
                                }
                                callback.done(false);
                            }),
                            stepPool);
            return false;
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    /** The rarer ends, recorded on this thread: a run the loop ended, a template without the follow step. */
    private void finishNow(Exchange exchange, Run run, AirbyteJob job) {
        if (run.isFinal()) {
            // ended in the follow loop (deadline, watchdog, cancel): the steps since may have kept results
            if (run.getResults() != null) {
                store.recordResults(run.getRunId(), run.getResults());
            }
        } else if (job == null) {
            if (!ending.end(
                    exchange,
                    run,
                    RunStatus.FAILED,
                    "The pipeline's route ended before its job did: routes/airbyte-sync.camel.yaml must call"
                            + " direct:run-trigger and direct:run-follow before direct:run-finish.")) {
                return;
            }
        } else if (!ending.end(exchange, run, statusOf(exchange, job), errorOf(exchange, run, job))) {
            // it had already ended (its record has the outcome); the route stops without publishing
            return;
        }
        publish(run, exchange);
    }

    private void publish(Run run, Exchange exchange) {
        exchange.setProperty(RunProperties.PUBLISHED, true);
        RunEnds.logOutcome(run);
        outcomes.publish(run);
    }

    private static RunStatus statusOf(Exchange exchange, AirbyteJob job) {
        return switch (job.status()) {
            case SUCCEEDED ->
                exchange.getProperty(RunProperties.POST_SYNC_FAILURE, String.class) == null
                        ? RunStatus.SUCCEEDED
                        : RunStatus.FAILED;
            case CANCELLED -> RunStatus.CANCELLED;
            default -> RunStatus.FAILED;
        };
    }

    /** The reason to record, null to keep the one the run has (a reason the poll step read from Airbyte). */
    private static String errorOf(Exchange exchange, Run run, AirbyteJob job) {
        return switch (job.status()) {
            case SUCCEEDED -> exchange.getProperty(RunProperties.POST_SYNC_FAILURE, String.class);
            case CANCELLED -> "Job " + job.jobId() + " was cancelled in Airbyte before it finished.";
            default ->
                run.getError() != null
                        ? null
                        : "Airbyte reports job " + job.jobId()
                                + " failed without giving a reason (the public API"
                                + " reports none); read the job's logs in Airbyte.";
        };
    }
}
