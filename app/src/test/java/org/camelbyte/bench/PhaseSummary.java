package org.camelbyte.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** One phase at one size over its repetitions: each figure's median, min and max. */
record PhaseSummary(PhaseKind kind, int n, List<PhaseResult> runs) {

    /** The results grouped by size and phase, in the order they were first run. */
    static List<PhaseSummary> of(List<PhaseResult> results) {
        Map<String, List<PhaseResult>> groups = new LinkedHashMap<>();
        for (PhaseResult r : results) {
            groups.computeIfAbsent(r.n() + "/" + r.kind(), k -> new ArrayList<>())
                    .add(r);
        }
        return groups.values().stream()
                .map(runs -> new PhaseSummary(runs.get(0).kind(), runs.get(0).n(), List.copyOf(runs)))
                .toList();
    }

    Spread spread(ToDoubleFunction<PhaseResult> figure) {
        return Spread.of(runs.stream().mapToDouble(figure).toArray());
    }

    /** Every failure of every repetition: a median would hide one bad run. */
    int failures() {
        return runs.stream().mapToInt(PhaseResult::failures).sum();
    }

    /** The median count of each Airbyte operation. */
    Map<String, Long> callsByOperation() {
        Map<String, Long> medians = new LinkedHashMap<>();
        for (String op : runs.get(0).calls().keySet()) {
            medians.put(
                    op, Math.round(spread(r -> r.calls().getOrDefault(op, 0L)).median()));
        }
        return medians;
    }
}
