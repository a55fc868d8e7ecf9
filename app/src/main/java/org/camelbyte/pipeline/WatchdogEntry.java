package org.camelbyte.pipeline;

import java.time.Duration;

/**
 * A pipeline's {@code watchdog} map (and the one under {@code defaults}, which a pipeline's overrides key by
 * key). {@code onTimeout} is here too and wins over the older {@code cancelOnTimeout} key when both are given.
 */
@WriteAs("a map such as {noProgressFor: 30m, onNoProgress: cancel}")
record WatchdogEntry(
        Duration pendingFor,
        Duration noProgressFor,
        @WriteAs(ATTEMPTS) Integer maxIncompleteAttempts,
        OnTimeout onTimeout,
        Watchdog.Action onPendingTooLong,
        Watchdog.Action onNoProgress,
        Watchdog.Action onTooManyAttempts) {

    static final String ATTEMPTS = "a whole number of 1 or more";
    static final WatchdogEntry NONE = new WatchdogEntry(null, null, null, null, null, null, null);

    /** What happens to the Airbyte job when the pipeline's timeout passes. */
    enum OnTimeout {
        CANCEL,
        LEAVE
    }

    /** These keys, each replaced by {@code own}'s where it sets it. */
    WatchdogEntry overriddenBy(WatchdogEntry own) {
        if (own == null) {
            return this;
        }
        return new WatchdogEntry(
                first(own.pendingFor, pendingFor),
                first(own.noProgressFor, noProgressFor),
                first(own.maxIncompleteAttempts, maxIncompleteAttempts),
                first(own.onTimeout, onTimeout),
                first(own.onPendingTooLong, onPendingTooLong),
                first(own.onNoProgress, onNoProgress),
                first(own.onTooManyAttempts, onTooManyAttempts));
    }

    Watchdog toWatchdog(Where where) {
        int attempts = maxIncompleteAttempts == null ? 0 : maxIncompleteAttempts;
        if (maxIncompleteAttempts != null && attempts < 1) {
            throw where.is("watchdog.maxIncompleteAttempts", attempts, ATTEMPTS);
        }
        return new Watchdog(
                positive(where, "watchdog.pendingFor", pendingFor),
                positive(where, "watchdog.noProgressFor", noProgressFor),
                attempts,
                first(onPendingTooLong, Watchdog.Action.WARN),
                first(onNoProgress, Watchdog.Action.WARN),
                first(onTooManyAttempts, Watchdog.Action.WARN));
    }

    private static Duration positive(Where where, String key, Duration limit) {
        if (limit != null && (limit.isZero() || limit.isNegative())) {
            throw where.mustBe(key, "longer than zero, like 30m");
        }
        return limit;
    }

    static <T> T first(T own, T fallback) {
        return own != null ? own : fallback;
    }
}
