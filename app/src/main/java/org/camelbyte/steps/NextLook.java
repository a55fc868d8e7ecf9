package org.camelbyte.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.camelbyte.airbyte.JobStatus;
import org.camelbyte.pipeline.Watchdog;
import org.camelbyte.run.Run;

/**
 * How long a waiting run may sleep when its job does not change. A change (the watcher's batched look, a
 * webhook) wakes it at once, so it need not look every poll interval: only when something falls due without a
 * change — its deadline, a watchdog's limit, or its next progress line. Thousands of waiting runs then cost
 * a wake-up each per progress line, not one per poll interval.
 */
final class NextLook {
    private NextLook() {}

    /**
     * @param pollInterval the wait once something is already due (past the deadline while the watcher lost sight
     *     of the job, a watchdog that only warns): those cases look as often as the pipeline polls
     */
    static Duration after(Run run, Watchdog watchdog, Instant now, Duration progressEvery, Duration pollInterval) {
        JobStatus status = run.getJobStatus() == null ? null : JobStatus.parse(run.getJobStatus());
        Instant due = Stream.of(
                        now.plus(progressEvery),
                        run.getDeadline(),
                        watchdog.pendingFor() != null && (status == JobStatus.PENDING || status == JobStatus.QUEUED)
                                ? plus(run.getJobStatusSince(), watchdog.pendingFor())
                                : null,
                        watchdog.noProgressFor() != null && status == JobStatus.RUNNING
                                ? plus(run.getProgressAt(), watchdog.noProgressFor())
                                : null)
                .filter(t -> t != null)
                .min(Instant::compareTo)
                .orElseThrow();
        // a limit counts as passed only once exceeded: look just after it
        Duration wait = Duration.between(now, due).plusMillis(1);
        return wait.isNegative() || wait.compareTo(Duration.ofMillis(1)) <= 0 ? pollInterval : wait;
    }

    private static Instant plus(Instant since, Duration limit) {
        return since == null ? null : since.plus(limit);
    }
}
