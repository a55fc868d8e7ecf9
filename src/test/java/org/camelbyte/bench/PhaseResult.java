package org.camelbyte.bench;

import java.time.Duration;

/** What one approach did with N syncs; {@code succeeded < n} within the time limit shows as failures. */
record PhaseResult(String approach, int n, Duration wall, int threadsBefore, int peakThreads, long peakHeapMb,
                   long statusCalls, int succeeded) {

    int failures() {
        return n - succeeded;
    }

    double runsPerSecond() {
        return succeeded / (wall.toMillis() / 1000.0);
    }
}
