package org.camelbyte.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per source (a caller's address) in fixed windows: {@link #allow} lets at most {@code limit}
 * through per window. Used for the webhook's rate limit and to log refused calls at most once per source and
 * window, so a flood neither runs the app hot nor fills the log. A fixed window is enough for both: neither
 * needs a smooth rate, only a bound.
 */
final class PerSource {
    /** Beyond this many sources the counts start over: a bound on memory under a spray of addresses. */
    private static final int MAX_SOURCES = 10_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long start, int count) {}

    PerSource(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Whether one more event from {@code source} fits in its current window (and counts it). */
    boolean allow(String source) {
        if (windows.size() > MAX_SOURCES) {
            windows.clear();
        }
        long now = clock.millis();
        Window w = windows.compute(
                source,
                (k, old) -> old == null || now - old.start() >= windowMillis
                        ? new Window(now, 1)
                        : new Window(old.start(), old.count() + 1));
        return w.count() <= limit;
    }

    /** Whether {@code source}'s current window is full (counting nothing). */
    boolean exhausted(String source) {
        Window w = windows.get(source);
        return w != null && clock.millis() - w.start() < windowMillis && w.count() >= limit;
    }

    /** Whole seconds until {@code source}'s window ends, at least 1: the Retry-After of a refusal. */
    long secondsLeft(String source) {
        Window w = windows.get(source);
        long left = w == null ? 0 : w.start() + windowMillis - clock.millis();
        return Math.max(1, (left + 999) / 1000);
    }
}
