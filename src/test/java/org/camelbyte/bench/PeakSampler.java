package org.camelbyte.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples live threads and used heap every 50 ms while a phase runs. Used heap includes garbage not yet
 * collected, so it is an upper bound; the GC before each phase makes phases start alike.
 */
final class PeakSampler implements AutoCloseable {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-sampler");
        t.setDaemon(true);
        return t;
    });
    private final int threadsAtStart;
    private volatile int peakThreads;
    private volatile long peakHeap;

    PeakSampler() {
        System.gc();
        threadsAtStart = threads.getThreadCount();
        timer.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        peakThreads = Math.max(peakThreads, threads.getThreadCount());
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
    }

    int threadsAtStart() {
        return threadsAtStart;
    }

    int peakThreads() {
        return peakThreads;
    }

    long peakHeapMb() {
        return peakHeap / (1024 * 1024);
    }

    @Override
    public void close() {
        sample();
        timer.shutdownNow();
    }
}
