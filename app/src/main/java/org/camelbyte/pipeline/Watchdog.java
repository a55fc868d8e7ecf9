package org.camelbyte.pipeline;

import java.time.Duration;

/**
 * A pipeline's watchdogs over its Airbyte job, each with its own policy: a job pending or queued longer
 * than {@code pendingFor}, running with no change in rows, bytes or attempts for {@code noProgressFor}, or
 * with {@code maxIncompleteAttempts} incomplete attempts. A null limit (or 0 attempts) turns that watchdog off.
 */
public record Watchdog(
        Duration pendingFor,
        Duration noProgressFor,
        int maxIncompleteAttempts,
        Action onPendingTooLong,
        Action onNoProgress,
        Action onTooManyAttempts) {

    /** What a watchdog does when its limit is passed: log a warning once, or cancel the job and end the run. */
    public enum Action {
        WARN,
        CANCEL
    }

    public static final Watchdog OFF = new Watchdog(null, null, 0, Action.WARN, Action.WARN, Action.WARN);
}
