package org.camelbyte.airbyte;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why the {@link JobWatcher}'s news may be old: the batched looks whose listing failed in a row, since when,
 * and the last failure; said once in the log when they start failing and once when they work again.
 */
final class LookFailures {
    private static final Logger LOG = LoggerFactory.getLogger(JobWatcher.class);

    private final AtomicInteger failedLooks = new AtomicInteger();
    private volatile boolean warned;
    private volatile Instant failingSince;
    private volatile String lastFailure;

    /** A listing worked. */
    void worked() {
        if (warned) {
            LOG.info("Airbyte job watcher: batched looks work again");
            warned = false;
            failedLooks.set(0);
        }
    }

    /** The listing of the look begun at {@code started} failed; the next look asks again from {@code since}. */
    void failed(Instant started, Instant since, Exception e) {
        failedLooks.incrementAndGet();
        lastFailure = e.getMessage();
        if (!warned) {
            failingSince = started;
            LOG.warn(
                    "Airbyte job watcher: jobs not listed ({}); runs keep their last snapshot, the jobs not read"
                            + " for a while are read one by one, and the next look asks again from {}",
                    e.getMessage(),
                    since);
            warned = true;
        }
    }

    /**
     * Why the watcher's news may be old, as a clause for progress lines: the listings failing since when, how
     * often, the last failure and when it tries again; empty while the looks work.
     */
    Optional<String> trouble(Duration interval) {
        int failed = failedLooks.get();
        Instant since = failingSince;
        if (!warned || failed == 0 || since == null) {
            return Optional.empty();
        }
        return Optional.of("Airbyte's job listing failed " + failed + (failed == 1 ? " time" : " times") + " since "
                + since.truncatedTo(ChronoUnit.SECONDS) + " (last: " + lastFailure
                + "); the watcher tries again every " + Durations.format(interval));
    }
}
