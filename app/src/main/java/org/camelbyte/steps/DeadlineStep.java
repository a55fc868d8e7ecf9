package org.camelbyte.steps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.Durations;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.camelbyte.run.RunWaiting;

/**
 * Ends a run whose job outlived the pipeline's timeout, cancelling the Airbyte job unless told not to; only when
 * the job is known to run past the deadline. A run whose job the watcher lost sight of before the deadline
 * (Airbyte unreachable, listings failing) may have a job that ended in time: it says so in its {@code waiting}
 * note, with the last state seen, and keeps looking until the job is read again.
 */
class DeadlineStep implements Processor {
    static final String STEP = "follow";
    /** Looks the watcher may be behind before a run says it lost sight of its job: a late look is not a loss. */
    private static final int LOOKS_LATE = 3;

    private final RunEnding ending;
    private final Clock clock;
    private final JobWatcher watcher;
    private final RunStore store;

    DeadlineStep(RunEnding ending, Clock clock, JobWatcher watcher, RunStore store) {
        this.ending = ending;
        this.clock = clock;
        this.watcher = watcher;
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = RunVariable.of(exchange);
        Instant now = clock.instant();
        if (Boolean.TRUE.equals(exchange.getProperty(RunProperties.JOB_DONE, Boolean.class))
                || run.getDeadline() == null
                || now.isBefore(run.getDeadline())) {
            return;
        }
        // both times on our clock: when the watcher last knew the job's state, against the run's deadline
        Optional<Instant> known = watcher.knownAsOf(run.getJobId());
        if (known.isEmpty() || known.get().isBefore(run.getDeadline())) {
            // never read since this app followed it (resumed past its deadline): the news is as old as the following
            Instant followedSince = exchange.getProperty(RunProperties.JOB_FOLLOWED_SINCE, Instant.class);
            lostSight(run, known.orElse(followedSince), now);
            return;
        }
        long timeoutMs = exchange.getProperty(RunProperties.TIMEOUT_MS, Long.class);
        // the job is known to run past the deadline: read after it, still not ended
        String error = "Job " + run.getJobId() + " did not finish within the pipeline's timeout of "
                + Durations.format(Duration.ofMillis(timeoutMs));
        if (exchange.getProperty(RunProperties.CANCEL_ON_TIMEOUT, true, Boolean.class)) {
            error += ending.cancelJob(run, ". Raise timeout if such syncs are normal.");
        } else {
            error += "; it was left running in Airbyte (watchdog.onTimeout: leave).";
        }
        ending.endLoop(exchange, run, RunStatus.TIMED_OUT, error);
    }

    /**
     * Past the deadline with no news of the job since before it: whether the job ran past the timeout is not
     * known, so the run does not end; it says so once (its waiting note) and asks for the job at once.
     */
    private void lostSight(Run run, Instant newsAsOf, Instant now) {
        if (newsAsOf != null
                && Duration.between(newsAsOf, now).compareTo(watcher.interval().multipliedBy(LOOKS_LATE)) < 0) {
            return; // the next look is simply due
        }
        if (run.getWaiting() != null && STEP.equals(run.getWaiting().step())) {
            return;
        }
        watcher.hurry(run.getJobId());
        RunWaiting waiting = new RunWaiting(
                STEP,
                "Lost sight of job " + run.getJobId() + " on Airbyte: last seen "
                        + (run.getJobStatus() == null ? "in an unknown state" : run.getJobStatus())
                        + (run.getProgressAt() == null ? "" : " (its last change noted at " + run.getProgressAt() + ")")
                        + ", before the pipeline's deadline; the run keeps looking until Airbyte shows the job again"
                        + " and ends it then (timed_out only if the job is still running).",
                0,
                null);
        run.setWaiting(waiting);
        store.recordWaiting(run.getRunId(), waiting);
    }
}
