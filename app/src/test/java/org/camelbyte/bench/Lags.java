package org.camelbyte.bench;

import java.util.Collection;

/** Detection lags in milliseconds: p50, p99, max. */
record Lags(long p50, long p99, long max) {

    static Lags of(Collection<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Lags(-1, -1, -1);
        }
        return new Lags(at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    @Override
    public String toString() {
        return p50 + " / " + p99 + " / " + max;
    }
}
