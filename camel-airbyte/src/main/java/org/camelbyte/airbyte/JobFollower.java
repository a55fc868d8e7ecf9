package org.camelbyte.airbyte;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One follower of one job through the {@link JobWatcher}: the only way anything in Camelbyte waits for an
 * Airbyte job, whether an {@code airbyte:sync?waitForCompletion=true} exchange or a pipeline's run. It reads
 * the watcher's newest snapshot (no Airbyte call of its own) and waits, holding no thread, until the job
 * changes (a batched look or a webhook) or a given time passes, whichever comes first.
 * <p>
 * Used by one wait at a time. A job that does not change for many waits keeps the same change future, and a
 * hook added at every wait would pile up on it until the job changes (a long sync holds thousands); so the
 * follower hooks each future once, and each wait only swaps in its own wake-up.
 */
public final class JobFollower {
    private final JobWatcher watcher;
    private final long jobId;
    private final String connectionId;
    private final AtomicReference<Runnable> wakeUp = new AtomicReference<>();
    private CompletableFuture<Void> nextChange;
    private CompletableFuture<?> hookedOn;

    /** Follows the job; {@code connectionId} (may be null) helps servers that list jobs per connection only. */
    public JobFollower(JobWatcher watcher, long jobId, String connectionId) {
        this.watcher = watcher;
        this.jobId = jobId;
        this.connectionId = connectionId;
        watcher.watch(jobId, connectionId);
    }

    /** Follows a job from the answer that started it: its first snapshot, and a time on Airbyte's clock. */
    public JobFollower(JobWatcher watcher, AirbyteJob started) {
        this(watcher, started.jobId(), started.connectionId());
        watcher.watch(started);
    }

    public long jobId() {
        return jobId;
    }

    /**
     * The newest snapshot the watcher holds, if any; throws the refusal when Airbyte said the job does not exist
     * for us (and stops following it). The next change is taken before the read, so one landing between the two
     * still wakes the next wait.
     */
    public synchronized Optional<AirbyteJob> look() {
        // idempotent: another follower of the same job (a run and an exchange) may have stopped following it
        watcher.watch(jobId, connectionId);
        nextChange = watcher.nextChange(jobId);
        try {
            return watcher.latest(jobId);
        } catch (AirbyteRejectedException refused) {
            stop();
            throw refused;
        }
    }

    /**
     * Runs {@code wake} once, on the scheduler: when the job changes after the last {@link #look()}, or after
     * {@code atMost}. Before any look, a wait ends at once when the watcher already holds news of the job.
     *
     * @throws RejectedExecutionException when the scheduler is stopping; nothing will wake
     */
    public void awaitChange(ScheduledExecutorService scheduler, Duration atMost, Runnable wake) {
        CompletableFuture<?> change = changeToWaitFor();
        AtomicBoolean once = new AtomicBoolean();
        Runnable resume = () -> {
            if (once.compareAndSet(false, true)) {
                wake.run();
            }
        };
        ScheduledFuture<?> timer = scheduler.schedule(resume, Math.max(0, atMost.toMillis()), TimeUnit.MILLISECONDS);
        hook(change, () -> {
            if (!once.get()) {
                try {
                    scheduler.execute(resume);
                    // only once the wake-up is queued: a rejected one leaves the timer to resume the wait
                    timer.cancel(false);
                } catch (RejectedExecutionException stopping) {
                    // the scheduler is stopping: the timer, if it still runs, resumes the wait
                }
            }
        });
    }

    /** The wait has ended: the watcher need not follow the job for this follower any more. */
    public void stop() {
        watcher.unwatch(jobId);
    }

    private synchronized CompletableFuture<?> changeToWaitFor() {
        if (nextChange != null) {
            return nextChange;
        }
        // the first wait, with no look before it: none at all when the watcher already holds news of the job
        CompletableFuture<Void> change = watcher.nextChange(jobId);
        try {
            return watcher.latest(jobId).isPresent() ? CompletableFuture.completedFuture(null) : change;
        } catch (AirbyteRejectedException refused) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private synchronized void hook(CompletableFuture<?> change, Runnable wake) {
        wakeUp.set(wake);
        if (change != hookedOn) {
            hookedOn = change;
            change.thenRun(this::fire);
        } else if (change.isDone()) {
            // it changed while the follower was looking, after the hook's last wake-up: wake now, as a new hook would
            fire();
        }
    }

    private void fire() {
        Runnable current = wakeUp.getAndSet(null);
        if (current != null) {
            current.run();
        }
    }
}
