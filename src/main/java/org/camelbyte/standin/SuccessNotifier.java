package org.camelbyte.standin;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Tells listeners once per sync that succeeded: when a reader first sees the success, or at the scripted
 * end time if nobody polls. A reader waits until the listeners are done, so the rows a listener writes are
 * there before any client learns of the success.
 */
final class SuccessNotifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SuccessNotifier.class.getName());

    private final List<Consumer<FinishedSync>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Long> notified = ConcurrentHashMap.newKeySet();
    private final Function<StandInJob, FinishedSync> describe;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "standin-success-timer");
        t.setDaemon(true);
        return t;
    });

    SuccessNotifier(Function<StandInJob, FinishedSync> describe) {
        this.describe = describe;
    }

    void addListener(Consumer<FinishedSync> listener) {
        listeners.add(listener);
    }

    void watch(StandInJob job) {
        Duration left = job.jobType().equals("sync") ? job.untilSucceeded() : null;
        if (left != null) {
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
            FinishedSync sync = describe.apply(job);
            for (Consumer<FinishedSync> listener : listeners) {
                try {
                    listener.accept(sync);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a job-succeeded listener failed for job " + job.id(), e);
                }
            }
            notified.add(job.id());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
