package org.camelbyte.standin;

import java.util.ArrayList;
import java.util.List;

/** Rows and bytes one stream received. */
public record StreamRows(String stream, long rows, long bytes) {

    /** Splits totals evenly across streams, the remainder going to the first ones, so sums stay exact. */
    static List<StreamRows> split(List<String> streams, long rows, long bytes) {
        List<StreamRows> result = new ArrayList<>(streams.size());
        int n = streams.size();
        for (int i = 0; i < n; i++) {
            result.add(new StreamRows(streams.get(i), share(rows, n, i), share(bytes, n, i)));
        }
        return result;
    }

    private static long share(long total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }
}
