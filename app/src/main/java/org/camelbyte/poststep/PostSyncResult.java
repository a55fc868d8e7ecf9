package org.camelbyte.poststep;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything post-sync did for one run.
 *
 * @param rowCounts row counts the checks observed, by {@link TableName#qualified()} as configured; store
 *                  them with a successful run to feed {@code row_count_change} next time
 */
public record PostSyncResult(List<AnalyzedTable> analyzed, List<CheckResult> checks, Map<String, Long> rowCounts) {

    public PostSyncResult {
        analyzed = List.copyOf(analyzed);
        checks = List.copyOf(checks);
        rowCounts = Map.copyOf(rowCounts);
    }

    /** True when a {@code fail}-severity check failed or could not run, or a statistics refresh failed. */
    public boolean failed() {
        return analyzed.stream().anyMatch(AnalyzedTable::failsRun)
                || checks.stream().anyMatch(CheckResult::failsRun);
    }

    /** One sentence naming what failed the run, with observed versus expected values. */
    public Optional<String> failureSentence() {
        List<String> failures = Stream.concat(
                        analyzed.stream()
                                .filter(AnalyzedTable::failsRun)
                                .map(table -> "statistics refresh of " + table.table() + " failed: " + table.error()),
                        checks.stream().filter(CheckResult::failsRun).map(CheckResult::describeFailure))
                .toList();
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Post-sync failed: "
                + String.join(
                        "; ",
                        failures.stream().map(PostSyncResult::withoutFinalStop).toList()) + ".");
    }

    private static String withoutFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
