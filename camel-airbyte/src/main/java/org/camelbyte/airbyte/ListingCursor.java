package org.camelbyte.airbyte;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the {@link JobWatcher}'s next batched look lists from, on Airbyte's clock, and up to when its listings
 * vouch for the jobs they did not show, on ours.
 */
final class ListingCursor {
    /**
     * The newest time Airbyte showed in any answer (a job's update or creation time, on ITS clock and at its
     * precision), and what that was when the last successful look began. The next look asks for changes since
     * the latter, less the overlap: our clock never enters the cursor, so a server minutes off ours or showing
     * minutes only still reports every change. One look behind, because a listing paged by offset skips a job
     * when one before it changes between two pages; the next look lists the skipped one again.
     */
    private final AtomicReference<Instant> newestShown = new AtomicReference<>();

    private volatile Instant cursor;

    /** When (our clock) the newest look whose listing was complete began: it vouches for every job it did not show. */
    private volatile Instant lastCompleteLook;

    /** Notes the time Airbyte showed in a job it answered. */
    void shown(AirbyteJob job) {
        Instant shown = job.updatedAt() != null ? job.updatedAt() : job.createdAt();
        if (shown != null) {
            newestShown.accumulateAndGet(shown, (a, b) -> a == null || b.isAfter(a) ? b : a);
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

    /** A look begun at {@code started} (our clock) listed, {@code complete} or cut at its page limit. */
    void listed(Instant started, Instant newestAtStart, boolean complete) {
        if (complete) {
            lastCompleteLook = started;
        }
        cursor = newestAtStart;
    }

    Instant lastCompleteLook() {
        return lastCompleteLook;
    }
}
