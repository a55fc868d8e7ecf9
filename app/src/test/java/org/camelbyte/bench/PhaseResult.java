package org.camelbyte.bench;

import java.time.Duration;
import java.util.Map;

/**
 * What one approach did with N syncs; {@code succeeded < n} within the time limit shows as failures.
 * {@code lag}: from the stand-in's job end to the run's terminal record (the app) or to the poller seeing it.
 */
record PhaseResult(
        String approach,
        int n,
        Duration wall,
        int threadsBefore,
        int peakThreads,
        long peakHeapMb,
        long peakHeapAfterGcMb,
        Map<String, Long> calls,
        int succeeded,
        Lags lag,
        double cpuSeconds) {

    int failures() {
        return n - succeeded;
    }

    double runsPerSecond() {
        return succeeded / (wall.toMillis() / 1000.0);
    }

    double callsPerSync() {
        return calls.values().stream().mapToLong(Long::longValue).sum() / (double) n;
    }
}
