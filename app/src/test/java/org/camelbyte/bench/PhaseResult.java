package org.camelbyte.bench;

import java.time.Duration;
import java.util.Map;

/**
 * What one phase did with N syncs; {@code succeeded < n} within the time limit shows as failures.
 * {@code lag}: from the stand-in's job end to the run's terminal record (the app) or to the poller seeing it.
 * {@code milestones}: when the last job was created and when the last one ended, from the clock's start.
 * CPU: this JVM's (app or poller, stand-in and bench alike) and the app's PostgreSQL server's (0 for the
 * poller, which has none).
 */
record PhaseResult(
        PhaseKind kind,
        int n,
        Duration wall,
        int threadsBefore,
        int peakThreads,
        long peakHeapMb,
        long peakHeapAfterGcMb,
        Map<String, Long> calls,
        int succeeded,
        Lags lag,
        Milestones milestones,
        double jvmCpuSeconds,
        double postgresCpuSeconds) {

    int failures() {
        return n - succeeded;
    }

    double wallSeconds() {
        return wall.toMillis() / 1000.0;
    }

    double lastCreatedSeconds() {
        return milestones.lastCreatedMs() / 1000.0;
    }

    double lastEndSeconds() {
        return milestones.lastEndMs() / 1000.0;
    }

    /** From the last job's end to the end of the wall: how long recording (or seeing) that end took. */
    long afterLastEndMs() {
        return wall.toMillis() - milestones.lastEndMs();
    }

    double cpuSeconds() {
        return jvmCpuSeconds + postgresCpuSeconds;
    }

    /** CPU seconds per 1,000 syncs: comparable across sizes. */
    double cpuPerThousandSyncs() {
        return cpuSeconds() * 1000 / n;
    }

    double callsPerSync() {
        return calls.values().stream().mapToLong(Long::longValue).sum() / (double) n;
    }
}
