package org.camelbyte.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.camelbyte.config.Beans;

/**
 * The app's own count of ended runs, the bench's clock for an app phase: its {@code camelbyte.runs} counter,
 * which counts a run once the commit carrying its outcome is durable (the run-outcome route, after the record).
 * Read in memory every millisecond, it stops the clock within about a millisecond of the last outcome, as the
 * poller's latch stops its own; the run table then confirms every outcome ({@link RunCounts}).
 */
final class RunsEnded {
    private static final long READ_EVERY_NANOS = 1_000_000;

    private final MeterRegistry registry;

    RunsEnded(CamelContext context) {
        registry = context.getRegistry().lookupByNameAndType(Beans.METRICS_REGISTRY, MeterRegistry.class);
    }

    /** Waits until n runs ended or the deadline ({@link System#nanoTime()}) passes; answers whether they did. */
    boolean await(int n, long deadlineNanos) {
        while (count() < n) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            // benchmark code: a bounded wait, read again at once (nothing here to be notified by)
            LockSupport.parkNanos(READ_EVERY_NANOS);
        }
        return true;
    }

    private double count() {
        return registry.find("camelbyte.runs").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
