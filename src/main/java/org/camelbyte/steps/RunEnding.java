package org.camelbyte.steps;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.config.Durations;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a run ends, wherever that happens (job outcome, post-sync, deadline, watchdog, a failed step,
 * a stop with {@code runs.on-stop: cancel}): status, reason and end time on the injected clock, written to
 * the run record, and one outcome line in the log.
 */
public final class RunEnding {
    private static final Logger LOG = LoggerFactory.getLogger(RunEnding.class);
    private static final Logger OUTCOME = LoggerFactory.getLogger("org.camelbyte.outcome");
    private final AirbyteClient airbyte;
    private final CircuitBreaker breaker;
    private final RunStore store;
    private final Clock clock;

    public RunEnding(AirbyteClient airbyte, CircuitBreaker breaker, RunStore store, Clock clock) {
        this.airbyte = airbyte;
        this.breaker = breaker;
        this.store = store;
        this.clock = clock;
    }

    /** Cancels the run's job; answers the end of the error sentence saying how that went. */
    public String cancelJob(Run run, String cancelledNote) {
        try {
            cancelJobOrThrow(run);
            return "; it was cancelled in Airbyte" + cancelledNote;
        } catch (RuntimeException e) {
            return "; cancelling it failed (" + e.getMessage() + "), so cancel it in Airbyte by hand.";
        }
    }

    /** Cancels the run's job inside the shared breaker; throws when Airbyte did not take it. */
    public void cancelJobOrThrow(Run run) {
        breaker.executeRunnable(() -> airbyte.cancelJob(run.getJobId()));
    }

    /** Records the run's end: its status, the reason (null keeps the one it has), the end time. */
    void record(Run run, RunStatus status, String error) {
        run.setStatus(status);
        if (error != null) {
            run.setError(error);
        }
        run.setEndedAt(clock.instant());
        store.update(run);
    }

    /**
     * Ends a run cancelled before its job-creating POST went out (queued, or held behind another run), in one
     * conditional statement; answers false when the start won the race, and the run then has or gets a job.
     * The caller publishes the outcome: no route of this instance carries the run (a held run is in none).
     */
    public boolean endUnstarted(Run run, String error) {
        Instant now = clock.instant();
        if (!store.cancelIfUnstarted(run.getRunId(), error, now)) {
            return false;
        }
        run.setStatus(RunStatus.CANCELLED);
        run.setError(error);
        run.setEndedAt(now);
        run.setWaiting(null);
        LOG.warn("Pipeline {}: run {} {}", run.getPipeline(), run.getRunId(), error);
        logOutcome(run);
        return true;
    }

    /** Ends the run from inside the poll loop (deadline, watchdog, a refused status): records it and stops the loop. */
    public void endLoop(Exchange exchange, Run run, RunStatus status, String error) {
        LOG.warn("Pipeline {}: {}", run.getPipeline(), error);
        record(run, status, error);
        exchange.setProperty(RunProperties.JOB_DONE, true);
    }

    /** Ends a run that leaves the template here (retries used up, stopped with cancel): records and logs its outcome. */
    void endNow(Run run, RunStatus status, String error) {
        record(run, status, error);
        logOutcome(run);
    }

    /** The one outcome line per run. */
    static void logOutcome(Run run) {
        Duration took =
                Duration.between(run.getStartedAt(), run.getEndedAt() == null ? run.getStartedAt() : run.getEndedAt());
        if (run.getStatus() == RunStatus.SUCCEEDED) {
            OUTCOME.info(
                    "Pipeline {}: run {} succeeded in {}: job {}, {} rows, {} bytes",
                    run.getPipeline(),
                    run.getRunId(),
                    Durations.format(took),
                    run.getJobId(),
                    run.getRowsSynced(),
                    run.getBytesSynced());
        } else {
            OUTCOME.warn(
                    "Pipeline {}: run {} {} after {}: {}",
                    run.getPipeline(),
                    run.getRunId(),
                    run.getStatus().wireName(),
                    Durations.format(took),
                    run.getError());
        }
    }
}
