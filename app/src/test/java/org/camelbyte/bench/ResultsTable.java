package org.camelbyte.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The results as Markdown tables, the same text on the console and in RESULTS.md: each figure's median over
 * the repetitions, then the min–max of the main ones.
 */
final class ResultsTable {
    private ResultsTable() {}

    static String medians(List<PhaseSummary> summaries) {
        StringBuilder sb = new StringBuilder()
                .append("| N | phase | wall to all done (s) | last job created / last end (s) | last end recorded"
                        + " after (ms) | lag p50 / p99 / max (ms) | calls per sync | calls by operation"
                        + " | CPU s: JVM + PostgreSQL = total | CPU s per 1,000 syncs | threads before → peak"
                        + " | peak heap used / after GC (MB) | failures (all runs) |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (PhaseSummary s : summaries) {
            String ops = s.callsByOperation().entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            sb.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %s | %s / %s | %s | %s / %s / %s | %s | %s | %s + %s = %s | %s | %s → %s | %s / %s"
                            + " | %d |%n",
                    s.n(),
                    s.kind().label,
                    s.spread(PhaseResult::wallSeconds).median(1),
                    s.spread(PhaseResult::lastCreatedSeconds).median(2),
                    s.spread(PhaseResult::lastEndSeconds).median(2),
                    s.spread(PhaseResult::afterLastEndMs).median(0),
                    s.spread(r -> r.lag().p50()).median(0),
                    s.spread(r -> r.lag().p99()).median(0),
                    s.spread(r -> r.lag().max()).median(0),
                    s.spread(PhaseResult::callsPerSync).median(2),
                    ops,
                    s.spread(PhaseResult::jvmCpuSeconds).median(2),
                    s.spread(PhaseResult::postgresCpuSeconds).median(2),
                    s.spread(PhaseResult::cpuSeconds).median(2),
                    s.spread(PhaseResult::cpuPerThousandSyncs).median(1),
                    s.spread(PhaseResult::threadsBefore).median(0),
                    s.spread(PhaseResult::peakThreads).median(0),
                    s.spread(PhaseResult::peakHeapMb).median(0),
                    s.spread(PhaseResult::peakHeapAfterGcMb).median(0),
                    s.failures()));
        }
        return sb.toString();
    }

    static String ranges(List<PhaseSummary> summaries) {
        StringBuilder sb = new StringBuilder()
                .append("| N | phase | runs | wall (s) | lag p99 (ms) | CPU total (s) | CPU s per 1,000 syncs"
                        + " | calls per sync | peak heap used (MB) |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseSummary s : summaries) {
            sb.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %d | %s | %s | %s | %s | %s | %s |%n",
                    s.n(),
                    s.kind().label,
                    s.runs().size(),
                    s.spread(PhaseResult::wallSeconds).range(1),
                    s.spread(r -> r.lag().p99()).range(0),
                    s.spread(PhaseResult::cpuSeconds).range(2),
                    s.spread(PhaseResult::cpuPerThousandSyncs).range(1),
                    s.spread(PhaseResult::callsPerSync).range(2),
                    s.spread(PhaseResult::peakHeapMb).range(0)));
        }
        return sb.toString();
    }
}
