package org.camelbyte.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * One figure over a size's repetitions: the median is what the tables and the key=value line report, min
 * and max show how far one run on this machine strays from it.
 */
record Spread(double median, double min, double max) {

    static Spread of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        // an even count (BENCH_REPEATS=2 or 4) has no middle run: the mean of the two middle ones
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Spread(median, sorted[0], sorted[sorted.length - 1]);
    }

    /** "min–max" with {@code decimals} places. */
    String range(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + "–" + f, min, max);
    }

    String median(int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", median);
    }
}
