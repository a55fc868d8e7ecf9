package org.camelbyte.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples live threads and used heap every 50 ms while a phase runs. Used heap includes garbage not yet
 * collected, so it is an upper bound that grows with the GC's latitude (the default max heap is a quarter of
 * memory); heap after GC (the old generation plus what the young pools held after their last collection)
 * leaves out the young garbage, so it is closer to what the phase kept alive (still an upper bound).
 * The GC before each phase makes phases start alike.
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
    private volatile long peakAfterGc;

    PeakSampler() {
        System.gc();
        threadsAtStart = threads.getThreadCount();
        timer.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        peakThreads = Math.max(peakThreads, threads.getThreadCount());
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) {
                continue;
            }
            // the old generation as it is now (what survived young collections, its own garbage included);
            // the young pools as their last collection left them
            boolean old = pool.getName().contains("Old") || pool.getName().contains("Tenured");
            MemoryUsage usage = old ? pool.getUsage() : pool.getCollectionUsage();
            afterGc += usage == null ? 0 : usage.getUsed();
        }
        peakAfterGc = Math.max(peakAfterGc, afterGc);
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

    long peakHeapAfterGcMb() {
        return peakAfterGc / (1024 * 1024);
    }

    @Override
    public void close() {
        sample();
        timer.shutdownNow();
    }
}
