package org.camelbyte.airbyte;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link JobWatcher}'s reads of one job at a time, for the jobs its listings cannot vouch for and the jobs a
 * webhook hurries, on the few reader threads its owner gave it.
 */
final class SingleReads {
    private static final Logger LOG = LoggerFactory.getLogger(JobWatcher.class);

    /** Single reads one look queues at most, whatever the listing missed: the rest wait for the next looks. */
    static final int PER_LOOK = 20;

    private final Map<Long, WatchedJob> watched;
    private final AirbyteClient client;
    private final CircuitBreaker breaker;
    private final ExecutorService reads;
    private final BiConsumer<WatchedJob, AirbyteJob> update;
    private final AtomicInteger queued = new AtomicInteger();

    SingleReads(
            Map<Long, WatchedJob> watched,
            AirbyteClient client,
            CircuitBreaker breaker,
            ExecutorService reads,
            BiConsumer<WatchedJob, AirbyteJob> update) {
        this.watched = watched;
        this.client = client;
        this.breaker = breaker;
        this.reads = reads;
        this.update = update;
    }

    /**
     * Reads singly, at most {@link #PER_LOOK} per look and the longest unseen first: jobs never read yet, jobs a
     * cut listing may have missed, jobs the looks left out for longer than {@code singleReadAfter}, and notified
     * ends no look confirmed within it.
     */
    void readMissing(Instant started, Duration singleReadAfter) {
        Instant missingSince = started.minus(singleReadAfter);
        watched.values().stream()
                .filter(w -> !w.reading.get())
                .filter(w -> (w.latest == null && w.refused == null && w.watchedAt.isBefore(started))
                        || (!w.isTerminal() && w.refused == null && w.unsure)
                        || (w.seenAt != null && w.seenAt.isBefore(missingSince) && !w.isTerminal())
                        || (w.noticed != null && w.noticedAt.isBefore(missingSince)))
                .sorted(Comparator.comparing(
                        (WatchedJob w) -> w.seenAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .limit(PER_LOOK)
                .forEach(this::queue);
    }

    /** Once in the queue, however many looks or notifications ask while the readers work through it. */
    void queue(WatchedJob w) {
        if (w.reading.compareAndSet(false, true)) {
            queued.incrementAndGet();
            try {
                reads.execute(() -> read(w));
            } catch (RejectedExecutionException stopping) {
                // the owner is shutting the readers down: nothing more to read
                queued.decrementAndGet();
                w.reading.set(false);
            }
        }
    }

    /** Reads queued and not yet done. */
    int queued() {
        return queued.get();
    }

    private void read(WatchedJob w) {
        queued.decrementAndGet();
        w.reading.set(false);
        if (!watched.containsKey(w.jobId)) {
            return;
        }
        try {
            update.accept(w, breaker.executeSupplier(() -> client.getJob(w.jobId)));
        } catch (AirbyteRejectedException e) {
            w.refused = e;
            w.wake();
        } catch (CallNotPermittedException | AirbyteException e) {
            LOG.debug(
                    "Airbyte job watcher: job {} not read singly ({}); the next look tries again",
                    w.jobId,
                    e.getMessage());
        }
    }
}
