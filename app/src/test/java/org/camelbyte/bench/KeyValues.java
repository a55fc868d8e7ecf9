package org.camelbyte.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's last line, for scripts: the medians as key=value pairs, each key the phase's prefix
 * ({@link PhaseKind#key}), the figure and the size, e.g. {@code app_wall_s_n2000}, {@code
 * baseline_cpu_s_n2000}, {@code app_shipped_lag_p99_ms_n2000}.
 */
final class KeyValues {
    private KeyValues() {}

    static String line(List<PhaseSummary> summaries, int repeats) {
        StringBuilder sb = new StringBuilder("repeats=" + repeats);
        for (PhaseSummary s : summaries) {
            Adder add = new Adder(sb, s);
            add.figure("wall_s", 1, PhaseResult::wallSeconds);
            add.figure("last_created_s", 2, PhaseResult::lastCreatedSeconds);
            add.figure("last_end_s", 2, PhaseResult::lastEndSeconds);
            add.figure("after_last_end_ms", 0, PhaseResult::afterLastEndMs);
            add.figure("lag_p50_ms", 0, r -> r.lag().p50());
            add.figure("lag_p99_ms", 0, r -> r.lag().p99());
            add.figure("lag_max_ms", 0, r -> r.lag().max());
            add.figure("cpu_s", 1, PhaseResult::cpuSeconds);
            if (s.kind().app()) {
                add.figure("jvm_cpu_s", 1, PhaseResult::jvmCpuSeconds);
                add.figure("pg_cpu_s", 1, PhaseResult::postgresCpuSeconds);
            }
            add.figure("cpu_s_per_1k_syncs", 2, PhaseResult::cpuPerThousandSyncs);
            add.figure("calls_per_sync", 2, PhaseResult::callsPerSync);
            add.figure("heap_mb", 0, PhaseResult::peakHeapMb);
            add.figure("heap_after_gc_mb", 0, PhaseResult::peakHeapAfterGcMb);
            add.figure("threads_peak", 0, PhaseResult::peakThreads);
            sb.append(' ')
                    .append(s.kind().key)
                    .append("failures_n")
                    .append(s.n())
                    .append('=')
                    .append(s.failures());
        }
        return sb.toString();
    }

    /** Appends one phase's medians. */
    private record Adder(StringBuilder sb, PhaseSummary s) {
        void figure(String name, int decimals, ToDoubleFunction<PhaseResult> figure) {
            sb.append(' ')
                    .append(s.kind().key)
                    .append(name)
                    .append("_n")
                    .append(s.n())
                    .append('=')
                    .append(s.spread(figure).median(decimals));
        }
    }
}
