package org.camelbyte.airbyte;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * When the {@link JobWatcher} looks: every interval at a fixed rate while it follows jobs (a slow listing does not
 * push the next one back), never while it follows none. After a pause, the first look waits until one interval
 * has passed since the newest job followed, so a burst of jobs started together is first looked at when its last
 * job is an interval old, as a poller of that job would look, rather than in step with the app's own start: a
 * job that ends just before a whole number of intervals is then seen at once. A steady stream of new jobs defers
 * that first look by {@link #MAX_FIRST_LOOK_INTERVALS} intervals at most.
 *
 * <p>A look that saw followed jobs end is followed by another {@code afterEnds} after its start (unless the next
 * regular look is about due), and so on while the looks keep seeing ends, as Camel's greedy polling consumers poll
 * again while there is news: jobs started together end together, and their ends are then seen, and their runs
 * recorded, a few hundred at a time instead of a whole interval's wave at once. A look that sees no end costs
 * nothing more.
 */
final class LookSchedule {
    static final int MAX_FIRST_LOOK_INTERVALS = 3;

    private final ScheduledExecutorService looks;
    private final long intervalNanos;
    private final long afterEndsNanos;
    private final Runnable look;
    private final BooleanSupplier noneFollowed;
    private final Object lock = new Object();

    /** The first look's timer or the looks' schedule; null while paused or not started. Changed under the lock. */
    private volatile ScheduledFuture<?> schedule;

    private volatile boolean started;
    private volatile boolean closed;
    /** {@link System#nanoTime()} when the first and the newest job were followed since the last pause. */
    private volatile long firstFollowed;

    private volatile long newestFollowed;
    /** {@link System#nanoTime()} when the last regular look began: the next is due an interval later. */
    private volatile long regularBegan;
    /** A look after ends is queued: one at a time. */
    private final AtomicBoolean afterEndsQueued = new AtomicBoolean();

    LookSchedule(
            ScheduledExecutorService looks,
            Duration interval,
            Duration afterEnds,
            Runnable look,
            BooleanSupplier noneFollowed) {
        this.looks = looks;
        this.intervalNanos = interval.toNanos();
        this.afterEndsNanos = afterEnds.toNanos();
        this.look = look;
        this.noneFollowed = noneFollowed;
    }

    /** Looks from now on, whenever jobs are followed. */
    void start() {
        started = true;
        if (!noneFollowed.getAsBoolean()) {
            followed();
        }
    }

    /** A job is followed that was not: the looks go on, or begin one interval from now. */
    void followed() {
        newestFollowed = System.nanoTime();
        if (schedule != null || !started || closed) {
            return;
        }
        synchronized (lock) {
            if (schedule == null && !closed) {
                firstFollowed = newestFollowed;
                schedule(() -> looks.schedule(this::firstLook, intervalNanos, TimeUnit.NANOSECONDS));
            }
        }
    }

    /** The first look after a pause, unless jobs followed since ask it to wait. */
    private void firstLook() {
        long due = Math.min(newestFollowed, firstFollowed + (MAX_FIRST_LOOK_INTERVALS - 1) * intervalNanos)
                + intervalNanos;
        long wait = due - System.nanoTime();
        synchronized (lock) {
            if (schedule == null || closed) {
                return;
            }
            schedule(() -> wait > TimeUnit.MILLISECONDS.toNanos(1)
                    ? looks.schedule(this::firstLook, wait, TimeUnit.NANOSECONDS)
                    : looks.scheduleAtFixedRate(this::regularLook, 0, intervalNanos, TimeUnit.NANOSECONDS));
        }
    }

    private void regularLook() {
        regularBegan = System.nanoTime();
        look.run();
    }

    /**
     * The look that began at {@code lookBegan} ({@link System#nanoTime()}) saw followed jobs end: one more look
     * {@code afterEnds} after that start, unless the next regular look comes less than half that step later.
     */
    void endsSeen(long lookBegan) {
        if (schedule == null || closed || afterEndsNanos >= intervalNanos) {
            return;
        }
        long now = System.nanoTime();
        long wait = Math.max(0, lookBegan + afterEndsNanos - now);
        if (regularBegan + intervalNanos - now < wait + afterEndsNanos / 2
                || !afterEndsQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            looks.schedule(
                    () -> {
                        afterEndsQueued.set(false);
                        look.run();
                    },
                    wait,
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            afterEndsQueued.set(false);
        }
    }

    /**
     * No job followed: no look until one is. A job followed meanwhile either finds no schedule and makes one, or
     * was followed before the check below, which then makes one.
     */
    void pause() {
        synchronized (lock) {
            ScheduledFuture<?> looking = schedule;
            if (looking == null || !noneFollowed.getAsBoolean()) {
                return;
            }
            looking.cancel(false);
            schedule = null;
        }
        if (!noneFollowed.getAsBoolean()) {
            followed();
        }
    }

    /** No more looks; the thread is the owner's to shut down. */
    void close() {
        synchronized (lock) {
            closed = true;
            ScheduledFuture<?> looking = schedule;
            if (looking != null) {
                looking.cancel(false);
            }
        }
    }

    /** Under the lock. */
    private void schedule(Supplier<ScheduledFuture<?>> next) {
        try {
            schedule = next.get();
        } catch (RejectedExecutionException stopping) {
            // the owner is shutting the looks' thread down: nothing more to look for
        }
    }
}
