package org.camelbyte.standin;

import java.util.concurrent.atomic.AtomicInteger;

/** "The next n requests (on matching paths) get this fault." */
final class FaultRule {

    private final Fault fault;
    private final String pathFilter;
    private final AtomicInteger remaining;

    FaultRule(Fault fault, int count, String pathFilter) {
        if (count < 0) {
            throw new IllegalArgumentException("a fault count cannot be negative");
        }
        this.fault = fault;
        this.pathFilter = pathFilter;
        this.remaining = new AtomicInteger(count);
    }

    /** Takes one use if the path matches and uses remain; null otherwise. */
    Fault take(String path) {
        if (pathFilter != null && !path.contains(pathFilter)) {
            return null;
        }
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? fault : null;
    }

    boolean exhausted() {
        return remaining.get() == 0;
    }
}
