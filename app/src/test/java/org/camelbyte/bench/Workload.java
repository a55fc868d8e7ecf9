package org.camelbyte.bench;

import java.time.Duration;

/**
 * One size's settings: N syncs of {@code syncSeconds} plus up to one {@code pollInterval} ({@link BenchScenario}),
 * followed every {@code pollInterval}.
 */
record Workload(int n, double syncSeconds, Duration pollInterval, Duration limit) {

    /** Up to 2,000: 10 s syncs polled every 1 s; beyond: 60 s syncs polled every 10 s (app only). */
    static Workload forSize(int n) {
        return n > 2000
                ? new Workload(n, 60, Duration.ofSeconds(10), Duration.ofMinutes(6))
                : new Workload(n, 10, Duration.ofSeconds(1), Duration.ofSeconds(120));
    }

    boolean baselineToo() {
        return n <= 2000;
    }
}
