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

    /**
     * Takes one use if the request matches and uses remain; null otherwise. A filter matches paths that contain
     * it; one that starts with a method and a space ({@code POST /jobs}) matches only requests of that method.
     */
    Fault take(String method, String path) {
        if (pathFilter != null && !matches(method, path)) {
            return null;
        }
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? fault : null;
    }

    private boolean matches(String method, String path) {
        int space = pathFilter.indexOf(' ');
        return space < 0
                ? path.contains(pathFilter)
                : pathFilter.substring(0, space).equals(method) && path.contains(pathFilter.substring(space + 1));
    }

    boolean exhausted() {
        return remaining.get() == 0;
    }
}
