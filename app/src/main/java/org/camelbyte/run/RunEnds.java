package org.camelbyte.run;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.Durations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a run's end is recorded, wherever that happens (job outcome, post-sync, deadline, watchdog, a
 * failed step, a cancel through the API, a stop with {@code runs.on-stop: cancel}): status, reason and end time
 * on the injected clock, written to the run record, and one outcome line in the log. Cancelling the run's
 * Airbyte job goes through here too. The run's route ends runs through {@code steps/RunEnding}, which adds
 * what only a route knows (whether it already ended the run).
 */
public final class RunEnds {
    private static final Logger LOG = LoggerFactory.getLogger(RunEnds.class);
    private static final Logger OUTCOME = LoggerFactory.getLogger("org.camelbyte.outcome");
    private final AirbyteClient airbyte;
    private final CircuitBreaker breaker;
    private final RunStore store;
    private final Clock clock;

    public RunEnds(AirbyteClient airbyte, CircuitBreaker breaker, RunStore store, Clock clock) {
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

    /**
     * Records the run's end: its status, the reason (null keeps the one it has), the end time; answers whether
     * the outcome is this caller's to publish. The write holds only while the run has no outcome on its record:
     * a run already ended (a cancel through the API, on any instance, while its lookup or a retry was under way)
     * is never overwritten by a later ending of its own loop. The run then takes the recorded outcome instead,
     * see {@link #takeRecordedEnd}.
     */
    public boolean record(Run run, RunStatus status, String error) {
        noteEnd(run, status, error);
        return store.updateWhileOpen(run) || takeRecordedEnd(run);
    }

    /**
     * {@link #record}'s write without holding the thread through its commit: answers whether the write held once
     * it is durable (false: the record had an outcome, which {@link #takeRecordedEnd} then gives the run).
     */
    public CompletableFuture<Boolean> recordLater(Run run, RunStatus status, String error) {
        noteEnd(run, status, error);
        return store.updateWhileOpenLater(run);
    }

    private void noteEnd(Run run, RunStatus status, String error) {
        run.setStatus(status);
        if (error != null) {
            run.setError(error);
        }
        run.setEndedAt(clock.instant());
    }

    /**
     * The run has an outcome on its record that this loop did not write: the run takes it. Answers true only for
     * the cancel of a running run through the API, which records {@code cancelled} and leaves publishing to the
     * loop following the run (it writes its figures and publishes once); any other outcome (a queued run
     * cancelled, whose outcome the API published) is left as it stands, and nothing more is published.
     */
    public boolean takeRecordedEnd(Run run) {
        Run recorded = store.find(run.getRunId())
                .orElseThrow(() -> new IllegalStateException("run " + run.getRunId() + " has no record"));
        run.setStatus(recorded.getStatus());
        run.setError(recorded.getError());
        run.setEndedAt(recorded.getEndedAt());
        run.setWaiting(null);
        if (store.updateIfCancelLeftToLoop(run)) {
            return true;
        }
        LOG.info(
                "Pipeline {}: run {} had already ended {}; keeping that outcome ({})",
                run.getPipeline(),
                run.getRunId(),
                run.getStatus().wireName(),
                run.getError());
        return false;
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

    /** Ends a run outside its route (stopped with {@code runs.on-stop: cancel}, cancelled through the API): records and logs its outcome. */
    public void endNow(Run run, RunStatus status, String error) {
        if (record(run, status, error)) {
            logOutcome(run);
        }
    }

    /** The one outcome line per run. */
    public static void logOutcome(Run run) {
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
