package org.camelbyte.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The results as a Markdown table, the same text on the console and in RESULTS.md, and the key=value line. */
final class ResultsTable {
    private ResultsTable() {}

    static String markdown(List<PhaseResult> results) {
        StringBuilder sb = new StringBuilder()
                .append(
                        "| N | approach | wall to all done (s) | lag p50 / p99 / max (ms) | calls per sync | calls by operation | CPU (s) | threads before → peak | peak heap used / after GC (MB) | failures |\n")
                .append("|---:|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
        for (PhaseResult r : results) {
            String ops = r.calls().entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            sb.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %.1f | %s | %.2f | %s | %.1f | %d → %d | %d / %d | %d |%n",
                    r.n(),
                    r.approach(),
                    r.wall().toMillis() / 1000.0,
                    r.lag(),
                    r.callsPerSync(),
                    ops,
                    r.cpuSeconds(),
                    r.threadsBefore(),
                    r.peakThreads(),
                    r.peakHeapMb(),
                    r.peakHeapAfterGcMb(),
                    r.failures()));
        }
        return sb.toString();
    }

    /** One line of key=value pairs, the benchmark's last line, for scripts. */
    static String keyValues(List<PhaseResult> results) {
        StringBuilder sb = new StringBuilder();
        for (PhaseResult r : results) {
            String n = "_N" + r.n();
            if (r.approach().startsWith("thread")) {
                add(
                        sb,
                        "baseline_wall_s" + n,
                        String.format(Locale.ROOT, "%.1f", r.wall().toMillis() / 1000.0));
                add(sb, "baseline_lag_p99_ms" + n, String.valueOf(r.lag().p99()));
                add(sb, "baseline_calls_per_sync" + n, String.format(Locale.ROOT, "%.2f", r.callsPerSync()));
                add(sb, "baseline_threads_peak" + n, String.valueOf(r.peakThreads()));
                continue;
            }
            String prefix = r.approach().contains("webhooks on") ? "app_webhook_" : "app_";
            add(
                    sb,
                    prefix + "wall_s" + n,
                    String.format(Locale.ROOT, "%.1f", r.wall().toMillis() / 1000.0));
            add(sb, prefix + "lag_p50_ms" + n, String.valueOf(r.lag().p50()));
            add(sb, prefix + "lag_p99_ms" + n, String.valueOf(r.lag().p99()));
            add(sb, prefix + "lag_max_ms" + n, String.valueOf(r.lag().max()));
            add(sb, prefix + "calls_per_sync" + n, String.format(Locale.ROOT, "%.2f", r.callsPerSync()));
            add(sb, prefix + "heap_mb" + n, String.valueOf(r.peakHeapMb()));
            add(sb, prefix + "heap_after_gc_mb" + n, String.valueOf(r.peakHeapAfterGcMb()));
            add(sb, prefix + "threads_peak" + n, String.valueOf(r.peakThreads()));
            add(sb, prefix + "cpu_s" + n, String.format(Locale.ROOT, "%.1f", r.cpuSeconds()));
            add(sb, prefix + "failures" + n, String.valueOf(r.failures()));
        }
        return sb.toString().trim();
    }

    private static void add(StringBuilder sb, String key, String value) {
        sb.append(key).append('=').append(value).append(' ');
    }
}
