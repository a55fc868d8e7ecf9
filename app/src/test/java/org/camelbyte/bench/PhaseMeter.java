package org.camelbyte.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * What a phase's timed part cost: wall clock from construction to {@link #stop}, the CPU seconds of this
 * JVM and of the app's PostgreSQL server over the same span, and the peak threads and heap.
 */
final class PhaseMeter {
    private final PeakSampler sampler;
    private final DoubleSupplier postgresCpu;
    private final double postgresBefore;
    private final double jvmBefore;
    private final long start;
    private final Instant startedAt;
    private long end;
    private double jvmCpu;
    private double postgresCpuUsed;

    /** {@code postgresCpu}: the app's PostgreSQL CPU seconds so far ({@code () -> 0} for the poller). */
    PhaseMeter(DoubleSupplier postgresCpu) {
        // the sampler's System.gc() runs before the CPU is read: the bench's own collection is not the phase's
        sampler = new PeakSampler();
        this.postgresCpu = postgresCpu;
        postgresBefore = postgresCpu.getAsDouble();
        jvmBefore = Cpu.seconds();
        start = System.nanoTime();
        startedAt = Instant.now();
    }

    long startNanos() {
        return start;
    }

    /** The clock's start on the wall clock, which the stand-in's job times are on. */
    Instant startedAt() {
        return startedAt;
    }

    void stop() {
        end = System.nanoTime();
        jvmCpu = Cpu.seconds() - jvmBefore;
        postgresCpuUsed = postgresCpu.getAsDouble() - postgresBefore;
        sampler.close();
    }

    PhaseResult result(
            PhaseKind kind, int n, Map<String, Long> calls, int succeeded, Lags lags, Milestones milestones) {
        return new PhaseResult(
                kind,
                n,
                Duration.ofNanos(end - start),
                sampler.threadsAtStart(),
                sampler.peakThreads(),
                sampler.peakHeapMb(),
                sampler.peakHeapAfterGcMb(),
                calls,
                succeeded,
                lags,
                milestones,
                jvmCpu,
                postgresCpuUsed);
    }
}
