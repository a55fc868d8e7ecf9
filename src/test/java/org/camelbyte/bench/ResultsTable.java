package org.camelbyte.bench;

import java.util.List;
import java.util.Locale;

/** The results as a Markdown table, the same text on the console and in RESULTS.md. */
final class ResultsTable {
    private ResultsTable() {}

    static String markdown(List<PhaseResult> results) {
        StringBuilder sb = new StringBuilder()
                .append("| N | approach | wall time to all done (s) | live threads before → peak | peak heap used (MB) | runs/s | status calls | failures |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult r : results) {
            sb.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %d → %d | %d | %.1f | %d | %d |%n", r.n(), r.approach(),
                    r.wall().toMillis() / 1000.0, r.threadsBefore(), r.peakThreads(), r.peakHeapMb(), r.runsPerSecond(),
                    r.statusCalls(), r.failures()));
        }
        return sb.toString();
    }
}
