package org.camelbyte.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * N concurrent syncs through the app (polling only with the benchmark's settings, with Airbyte's webhooks,
 * and with the shipped defaults) and, up to N = 2,000, through a thread-per-sync blocking poller, against the
 * same stand-in in the same JVM. Each size runs {@code BENCH_REPEATS} (default 3) times, every phase in turn
 * each time, so a slow minute on a shared machine hits all phases alike; the medians are reported. The
 * largest size up to 2,000 gets one more, profiled, polling-only run. Prints the tables, writes
 * bench/RESULTS.md and ends with one line of key=value pairs. Args: the sizes (default 50,500,2000).
 */
public final class SyncBenchmark {
    static final int PROFILED_MAX = 2000;
    private static final Path JFR_FILE = Path.of("target", "bench-app.jfr");

    private SyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        ResultsPage.noteStart();
        int[] sizes = args.length > 0
                ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {50, 500, 2000};
        int repeats = Integer.parseInt(System.getenv().getOrDefault("BENCH_REPEATS", "3"));
        int profiled = Arrays.stream(sizes).filter(n -> n <= PROFILED_MAX).max().orElse(-1);
        List<PhaseResult> results = new ArrayList<>();
        String profile = "";
        for (int n : sizes) {
            Workload w = Workload.forSize(n);
            for (int run = 1; run <= repeats; run++) {
                for (PhaseKind kind : PhaseKind.values()) {
                    if (kind.app() || w.baselineToo()) {
                        results.add(report(run, phase(w, kind, null)));
                    }
                }
            }
            if (n == profiled) {
                profile = profile(w, repeats);
            }
        }
        List<PhaseSummary> summaries = PhaseSummary.of(results);
        String body = "### Settings of each phase\n\n" + settingsNote() + AppSettings.markdown() + "\n"
                + "### Medians of " + repeats + " runs\n\n" + ResultsTable.medians(summaries) + "\n"
                + "### Min–max over the " + repeats + " runs\n\n" + ResultsTable.ranges(summaries) + profile;
        System.out.println();
        System.out.println(body);
        ResultsPage.write(body, sizes, repeats);
        System.out.println("Wrote " + ResultsPage.FILE);
        System.out.println(KeyValues.line(summaries, repeats));
        // the app under test leaves non-daemon threads (broker, Vert.x) behind; the figures are written
        System.exit(0);
    }

    private static PhaseResult phase(Workload w, PhaseKind kind, Path jfrFile) throws Exception {
        return kind.app() ? AppPhase.run(w, kind, jfrFile) : BlockingPollerPhase.run(w);
    }

    /** One more polling-only run, under JFR; its figures carry the recording's cost, so no median has them. */
    private static String profile(Workload w, int repeats) throws Exception {
        PhaseResult r = report(0, phase(w, PhaseKind.APP_POLLING, JFR_FILE));
        return String.format(
                        Locale.ROOT,
                        "%n### Hot methods: JFR of the app polling only at N = %d%n%nOne more polling-only run after"
                                + " the %d-run medians, recorded with JFR's \"profile\" settings over its timed part"
                                + " (%s); its figures are in no table (wall %.1f s, lag p99 %d ms, JVM CPU %.1f s)."
                                + " The recording covers the whole JVM: app, stand-in and bench.%n%n",
                        w.n(),
                        repeats,
                        JFR_FILE,
                        r.wallSeconds(),
                        r.lag().p99(),
                        r.jvmCpuSeconds())
                + HotMethods.of(JFR_FILE).markdown();
    }

    private static String settingsNote() {
        return "Every app phase runs with `" + AppSettings.SHIPPED_FILE + "` as shipped (its state database in the"
                + " embedded PostgreSQL the app starts in the phase's own data dir, fsync on), pointed at the bench's"
                + " stand-in, data dir and free ports. The polling-only and webhooks phases change the settings"
                + " below; the shipped-defaults phase changes none (with a start rate limit set, its time limit"
                + " grows by N over that rate). The webhooks phase also sets `airbyte.webhook-secret`, the address"
                + " the stand-in posts to.\n\n";
    }

    private static PhaseResult report(int run, PhaseResult r) {
        System.out.printf(
                Locale.ROOT,
                "%s N=%d run %s: %d/%d succeeded in %.1f s (last job created at %.2f s, last end at %.2f s,"
                        + " recorded %d ms after it), lag p50/p99/max %s ms, %.2f calls per sync %s,"
                        + " CPU %.1f s (JVM %.1f + PostgreSQL %.1f), peak %d threads, %d MB heap%n",
                r.kind().label,
                r.n(),
                run == 0 ? "profiled" : String.valueOf(run),
                r.succeeded(),
                r.n(),
                r.wallSeconds(),
                r.lastCreatedSeconds(),
                r.lastEndSeconds(),
                r.afterLastEndMs(),
                r.lag(),
                r.callsPerSync(),
                r.calls(),
                r.cpuSeconds(),
                r.jvmCpuSeconds(),
                r.postgresCpuSeconds(),
                r.peakThreads(),
                r.peakHeapMb());
        return r;
    }
}
