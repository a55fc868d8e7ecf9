package org.camelbyte.airbyte;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the {@link JobWatcher} knows of one followed job: its newest snapshot, when it was read, whether Airbyte
 * refused it, and the future its waiting followers sleep on until it changes.
 */
final class WatchedJob {
    final long jobId;
    final String connectionId;
    final Instant watchedAt;
    volatile AirbyteJob latest;
    volatile Instant seenAt;
    volatile AirbyteRejectedException refused;
    /** Why the job failed, as Airbyte's failure notification said (null: none came). */
    volatile String reasonGiven;
    /** A cut listing may have missed its change: read it singly. */
    volatile boolean unsure;
    /** The end a notification told, until a read of the job confirms it (null: none waits for a read). */
    volatile AirbyteJob noticed;
    /** When {@link #noticed} came (our clock): a job the looks do not show by then is read singly. */
    volatile Instant noticedAt;
    /** Nobody follows it any more; kept only until its noticed end is confirmed. */
    volatile boolean unwatched;

    volatile CompletableFuture<Void> changed = new CompletableFuture<>();
    /** Queued for a single read: once, however many looks or notifications ask meanwhile. */
    final AtomicBoolean reading = new AtomicBoolean();

    WatchedJob(long jobId, String connectionId, Instant watchedAt) {
        this.jobId = jobId;
        this.connectionId = connectionId;
        this.watchedAt = watchedAt;
    }

    boolean isTerminal() {
        AirbyteJob job = latest;
        return job != null && job.status().isTerminal();
    }

    /**
     * Keeps the newest state: a late, older answer never takes an ended job back to running. Wakes the followers
     * only for a change they act on (status, attempts, failure reason): rows and bytes grow at every look of a
     * running sync, and waking thousands of waiting runs for each would cost more than the looks themselves; a
     * follower reads them at its next look (a run's progress line).
     */
    synchronized void update(AirbyteJob read, Instant now) {
        seenAt = now;
        unsure = false;
        AirbyteJob job = withReasonGiven(read);
        AirbyteJob before = latest;
        if (job.equals(before) || (isTerminal() && !job.status().isTerminal())) {
            return;
        }
        latest = job;
        if (before == null
                || before.status() != job.status()
                || before.attempts() != job.attempts()
                || !Objects.equals(before.failureReason(), job.failureReason())) {
            wake();
        }
    }

    /**
     * Airbyte's notification said the job ended: its followers act on that at once, and the job waits for a read
     * to confirm it (answers what the notice said, for the comparison then). An ended job is left as read.
     */
    synchronized boolean notified(AirbyteJob ended, Instant now) {
        if (isTerminal()) {
            return false;
        }
        latest = ended;
        noticed = ended;
        noticedAt = now;
        wake();
        return true;
    }

    private AirbyteJob withReasonGiven(AirbyteJob job) {
        String reason = reasonGiven;
        if (reason == null || job.failureReason() != null || job.status() != JobStatus.FAILED) {
            return job;
        }
        return new AirbyteJob(
                job.jobId(),
                job.connectionId(),
                job.jobType(),
                job.status(),
                job.createdAt(),
                job.rowsSynced(),
                job.bytesSynced(),
                job.attempts(),
                reason,
                job.streams(),
                job.updatedAt());
    }

    /** Wakes the followers waiting for a change, and gives the next ones a new future. */
    synchronized void wake() {
        CompletableFuture<Void> waiting = changed;
        changed = new CompletableFuture<>();
        waiting.complete(null);
    }
}
