package org.camelbyte.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * N concurrent syncs through the app (polling only, then with Airbyte's webhooks) and, up to N = 2,000,
 * through a thread-per-sync blocking poller, against the same stand-in in the same JVM. Prints the table,
 * writes bench/RESULTS.md and ends with one line of key=value pairs. Args: the sizes (default 50,500,2000).
 */
public final class SyncBenchmark {
    private SyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        ResultsPage.noteStart();
        int[] sizes = args.length > 0
                ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {50, 500, 2000};
        List<PhaseResult> results = new ArrayList<>();
        for (int n : sizes) {
            Workload w = Workload.forSize(n);
            results.add(report(AppPhase.run(w, false)));
            results.add(report(AppPhase.run(w, true)));
            if (w.baselineToo()) {
                results.add(report(BlockingPollerPhase.run(w)));
            }
        }
        String table = ResultsTable.markdown(results);
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("bench", "RESULTS.md"), ResultsPage.render(table, sizes));
        System.out.println("Wrote bench/RESULTS.md");
        System.out.println(ResultsTable.keyValues(results));
        // the app under test leaves non-daemon threads (broker, Vert.x) behind; the figures are written
        System.exit(0);
    }

    private static PhaseResult report(PhaseResult r) {
        System.out.printf(
                "%s N=%d: %d/%d succeeded in %.1f s, lag p50/p99/max %s ms, %.2f calls per sync %s, %.1f CPU s,"
                        + " peak %d threads, %d MB heap%n",
                r.approach(),
                r.n(),
                r.succeeded(),
                r.n(),
                r.wall().toMillis() / 1000.0,
                r.lag(),
                r.callsPerSync(),
                r.calls(),
                r.cpuSeconds(),
                r.peakThreads(),
                r.peakHeapMb());
        return r;
    }
}
