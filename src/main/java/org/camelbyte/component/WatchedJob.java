package org.camelbyte.component;

import java.util.concurrent.CompletableFuture;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.AirbyteRejectedException;
import org.camelbyte.airbyte.JobWatcher;

/**
 * A waiting sync's view of its job through the {@link JobWatcher}: the watcher's newest snapshot and its
 * next change, no Airbyte call of its own, so a thousand waiting exchanges cost the watcher's batched looks.
 */
final class WatchedJob implements AsyncWait.Source<AirbyteJob> {
    private final JobWatcher watcher;
    private final long jobId;
    private final String connectionId;

    /** Follows the job from the answer that started it (its first snapshot). */
    WatchedJob(JobWatcher watcher, AirbyteJob started) {
        this.watcher = watcher;
        this.jobId = started.jobId();
        this.connectionId = started.connectionId();
        watcher.watch(started);
    }

    @Override
    public CompletableFuture<?> nextChange() {
        return watcher.nextChange(jobId);
    }

    @Override
    public AirbyteJob look() {
        // idempotent: in the app a run following the same job may have unwatched it when it ended
        watcher.watch(jobId, connectionId);
        try {
            return watcher.latest(jobId).orElse(null);
        } catch (AirbyteRejectedException refused) {
            stop();
            throw refused;
        }
    }

    /** The wait has ended: the watcher need not follow the job for this exchange any more. */
    void stop() {
        watcher.unwatch(jobId);
    }
}
