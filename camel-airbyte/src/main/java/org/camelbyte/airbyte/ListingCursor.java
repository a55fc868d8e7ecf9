package org.camelbyte.airbyte;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the {@link JobWatcher}'s next batched look lists from, on Airbyte's clock, and up to when its listings
 * vouch for the jobs they did not show, on ours.
 */
final class ListingCursor {
    /**
     * The newest time Airbyte showed in any answer (a job's update or creation time, on ITS clock and at its
     * precision), taken when a look begins. Our clock's reading never enters the cursor (only its rate, see
     * {@link #passed}), so a server minutes off ours or showing minutes only still reports every change.
     */
    private final AtomicReference<Instant> newestShown = new AtomicReference<>();

    /**
     * From when (less the overlap) the next look lists. After a listing that came newest change first, the newest
     * time Airbyte's clock had surely passed when the look began: every change made after the listing's first page
     * was served is at least that new, and the pages after it can repeat a job but never skip one (a job that
     * changes moves to the front). After a listing in another order, one look behind, as offset paging in
     * ascending order skips a job when one listed before it changes between two pages: the next look lists the
     * skipped one again. The overlap covers the rest: changes Airbyte stamped before the cursor but made visible
     * after it (a late commit, another server's clock).
     */
    private volatile Instant cursor;

    /**
     * The newest change a listing's first page showed, and {@link System#nanoTime()} once that page had come:
     * Airbyte's clock had passed that time then, and has moved on since as fast as ours does. So the cursor moves
     * on while nothing changes (jobs that all run, showing the time they started running) instead of listing the
     * same last changes at every look. Only the rate of our clock counts, never its reading against Airbyte's.
     */
    private volatile Instant passed;

    private volatile long passedNanos;

    /** Whether the server showed a time with seconds: until it does, it may know whole minutes only. */
    private volatile boolean secondsShown;

    /** When (our clock) the newest look whose listing was complete began: it vouches for every job it did not show. */
    private volatile Instant lastCompleteLook;

    /** Notes the time Airbyte showed in a job it answered. */
    void shown(AirbyteJob job) {
        Instant shown = job.updatedAt() != null ? job.updatedAt() : job.createdAt();
        if (shown != null) {
            newestShown.accumulateAndGet(shown, (a, b) -> a == null || b.isAfter(a) ? b : a);
            if (!secondsShown && shown.getEpochSecond() % 60 != 0) {
                secondsShown = true;
            }
        }
    }

    /** The newest time shown so far, taken when a look begins. */
    Instant newestShown() {
        return newestShown.get();
    }

    /** From when a look begun with {@code newestAtStart} lists; null when nothing was read from the server yet. */
    Instant since(Instant newestAtStart, Duration overlap) {
        Instant known = cursor != null ? cursor : newestAtStart;
        return known == null ? null : known.minus(overlap);
    }

    /**
     * A look begun at {@code started} (our clock; {@code began}: {@link System#nanoTime()}), when the newest time
     * shown was {@code newestAtStart}, read {@code listing}.
     */
    void listed(Instant started, long began, Instant newestAtStart, JobListing listing) {
        if (listing.complete()) {
            lastCompleteLook = started;
        }
        if (!listing.newestFirst()) {
            cursor = newestAtStart;
            return;
        }
        Instant newest = listing.firstPageNewest();
        cursor = latest(newestAtStart, latest(newest, passedAt(began)));
        long now = System.nanoTime();
        Instant passedNow = passedAt(now);
        if (newest != null && (passedNow == null || newest.isAfter(passedNow))) {
            passed = newest;
            passedNanos = now;
        }
    }

    /**
     * A time Airbyte's clock had passed at {@code nanos} ({@link System#nanoTime()}), in whole seconds; null when none
     * is known, or while the server showed only whole minutes: it may keep and compare its times that coarsely too,
     * and a cursor between two of its minutes would then pass over changes of the earlier one.
     */
    private Instant passedAt(long nanos) {
        Instant known = passed;
        return known == null || !secondsShown
                ? null
                : known.plusNanos(nanos - passedNanos).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    Instant lastCompleteLook() {
        return lastCompleteLook;
    }
}
