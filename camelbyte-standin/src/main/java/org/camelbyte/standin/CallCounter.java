package org.camelbyte.standin;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Counts calls by shape, ids blanked, without keeping them: a benchmark makes hundreds of thousands of
 * status calls, far more than the recorder holds.
 */
final class CallCounter {

    private static final Pattern ID = Pattern.compile("/(\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F-]{27})(?=/|$)");

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String method, String path) {
        counts.computeIfAbsent(method + " " + ID.matcher(path).replaceAll("/{id}"), k -> new LongAdder())
                .increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((shape, n) -> copy.put(shape, n.sum()));
        return copy;
    }
}
