package org.camelbyte.poststep;

/**
 * The outcome of one check, in plain fields so it serializes to JSON as it is.
 *
 * @param table    qualified table name as configured, or null for checks on no table
 * @param observed what the check saw, or null when it could not run
 * @param severity {@code warn} or {@code fail}
 * @param error    why the check could not run (missing table or column, database failure, timeout), else null
 */
public record CheckResult(
        String kind,
        String name,
        String table,
        String observed,
        String expected,
        boolean passed,
        String severity,
        long durationMs,
        String error) {

    static CheckResult of(CheckSpec spec, Observation observation, long durationMs) {
        return new CheckResult(
                spec.kind(),
                spec.name(),
                tableOf(spec),
                observation.observed(),
                spec.check().expectation(),
                observation.passed(),
                spec.severity().label(),
                durationMs,
                null);
    }

    static CheckResult couldNotRun(CheckSpec spec, String reason, long durationMs) {
        return new CheckResult(
                spec.kind(),
                spec.name(),
                tableOf(spec),
                null,
                spec.check().expectation(),
                false,
                spec.severity().label(),
                durationMs,
                reason);
    }

    /** Whether this result fails the run: a failed check of severity {@code fail}. */
    public boolean failsRun() {
        return !passed && Severity.FAIL.label().equals(severity);
    }

    /** {@code name observed X, expected Y} or {@code name could not run: reason}. */
    public String describeFailure() {
        return error != null
                ? name + " could not run: " + error
                : name + " observed " + observed + ", expected " + expected;
    }

    private static String tableOf(CheckSpec spec) {
        return spec.table().map(TableName::qualified).orElse(null);
    }
}
