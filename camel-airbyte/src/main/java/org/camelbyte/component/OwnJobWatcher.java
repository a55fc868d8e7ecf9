package org.camelbyte.component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.JobWatcher;

/**
 * The job watcher of a component used without the Camelbyte app, which has none to share: one per
 * component, looking as often as its most eager waiting endpoint asks.
 */
final class OwnJobWatcher {
    /** With no waiting endpoint known yet: the pollInterval default. */
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    /** The app's defaults (airbyte.watch.single-read-after, airbyte.watch.overlap). */
    private static final Duration SINGLE_READ_AFTER = Duration.ofSeconds(60);

    private static final Duration OVERLAP = Duration.ofSeconds(2);

    private OwnJobWatcher() {}

    /** Started at once; the caller closes it. */
    static JobWatcher start(AirbyteClient client, Collection<Duration> pollIntervals) {
        Duration interval = pollIntervals.stream()
                .min(Duration::compareTo)
                .map(d -> d.compareTo(JobWatcher.MIN_INTERVAL) < 0 ? JobWatcher.MIN_INTERVAL : d)
                .orElse(DEFAULT_INTERVAL);
        return new JobWatcher(client, neverOpens(), Clock.systemUTC(), interval, SINGLE_READ_AFTER, OVERLAP).start();
    }

    /**
     * The component's own calls go to Airbyte directly, without the app's shared breaker; its watcher does the
     * same, so a failed look is simply tried again at the next interval.
     */
    private static CircuitBreaker neverOpens() {
        return CircuitBreaker.of(
                "airbyte-component-watcher",
                CircuitBreakerConfig.custom().recordException(e -> false).build());
    }
}
