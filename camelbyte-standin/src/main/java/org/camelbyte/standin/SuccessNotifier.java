package org.camelbyte.standin;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Tells listeners once per sync that succeeded: when a reader first sees the success, or at the scripted
 * end time if nobody polls. A reader waits until the listeners are done, so the rows a listener writes are
 * there before any client learns of the success. A success with no listener yet (a job that ended while the
 * stand-in was down, found in its journal at start) is owed, and delivered to the first listener as it is
 * added: the embedded demo's warehouse gets those rows before the app resumes the runs that read them.
 */
final class SuccessNotifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SuccessNotifier.class.getName());

    private final List<Consumer<FinishedSync>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Long> notified = ConcurrentHashMap.newKeySet();
    private final Map<Long, StandInJob> owed = new ConcurrentSkipListMap<>();
    private final Function<StandInJob, FinishedSync> describe;
    private final LongConsumer delivered;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "standin-success-timer");
        t.setDaemon(true);
        return t;
    });

    /** {@code delivered} is told of each job once its listeners have run (the journal keeps it). */
    SuccessNotifier(Function<StandInJob, FinishedSync> describe, LongConsumer delivered) {
        this.describe = describe;
        this.delivered = delivered;
    }

    /** Adds the listener, then delivers what is owed, on this thread: done when this returns. */
    void addListener(Consumer<FinishedSync> listener) {
        listeners.add(listener);
        // a job restored as ended may be cancelled by a later line of the journal: only successes are owed
        owed.values().stream()
                .filter(job -> job.snapshot().status().equals("succeeded"))
                .forEach(this::succeeded);
    }

    /** A job whose success an earlier life of the stand-in delivered already. */
    void alreadyDelivered(long jobId) {
        notified.add(jobId);
    }

    void watch(StandInJob job) {
        Duration left = job.jobType().equals("sync") ? job.untilSucceeded() : null;
        if (left != null && left.isZero() && job.snapshot().status().equals("succeeded")) {
            // ended while the stand-in was down: owed now, not on a timer racing the first listener
            succeeded(job);
        } else if (left != null) {
            timer.schedule(
                    () -> {
                        if (job.snapshot().status().equals("succeeded")) {
                            succeeded(job);
                        }
                    },
                    left.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    void succeeded(StandInJob job) {
        if (!job.jobType().equals("sync") || notified.contains(job.id())) {
            return;
        }
        synchronized (job) {
            if (notified.contains(job.id())) {
                return;
            }
            if (listeners.isEmpty()) {
                owed.put(job.id(), job);
                return;
            }
            FinishedSync sync = describe.apply(job);
            for (Consumer<FinishedSync> listener : listeners) {
                try {
                    listener.accept(sync);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a job-succeeded listener failed for job " + job.id(), e);
                }
            }
            notified.add(job.id());
            owed.remove(job.id());
            delivered.accept(job.id());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
