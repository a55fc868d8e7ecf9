package org.camelbyte.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * N concurrent 10-second syncs, polled every second, through the app and through a thread-per-sync
 * blocking poller, against the same stand-in in the same JVM. Prints the table and writes bench/RESULTS.md.
 * Args: the sizes (default 50,500,2000).
 */
public final class SyncBenchmark {
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration LIMIT = Duration.ofSeconds(90);

    private SyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {50, 500, 2000};
        List<PhaseResult> results = new ArrayList<>();
        for (int n : sizes) {
            results.add(report(AppPhase.run(n, POLL_INTERVAL, LIMIT)));
            results.add(report(BlockingPollerPhase.run(n, POLL_INTERVAL, LIMIT)));
        }
        String table = ResultsTable.markdown(results);
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("bench", "RESULTS.md"), ResultsPage.render(table, sizes));
        System.out.println("Wrote bench/RESULTS.md");
        // the app under test leaves non-daemon threads (broker, Vert.x) behind; the figures are written
        System.exit(0);
    }

    private static PhaseResult report(PhaseResult r) {
        System.out.printf("%s N=%d: %d/%d succeeded in %.1f s, peak %d threads, %d MB heap%n",
                r.approach(), r.n(), r.succeeded(), r.n(), r.wall().toMillis() / 1000.0, r.peakThreads(), r.peakHeapMb());
        return r;
    }
}
