package org.camelbyte.poststep;

/**
 * What the statistics refresh did for one table; exactly one of {@code statement}, {@code skippedReason}
 * and {@code error} is set.
 *
 * @param statement     the statement that ran
 * @param skippedReason why nothing ran (dialect without such a statement, table not found)
 * @param error         why the statement failed (database down, timeout)
 */
public record AnalyzedTable(String table, String statement, String skippedReason, String error, long durationMs) {

    static AnalyzedTable ran(TableName table, String statement, long durationMs) {
        return new AnalyzedTable(table.qualified(), statement, null, null, durationMs);
    }

    static AnalyzedTable skipped(TableName table, String reason) {
        return new AnalyzedTable(table.qualified(), null, reason, null, 0);
    }

    static AnalyzedTable failed(TableName table, String error, long durationMs) {
        return new AnalyzedTable(table.qualified(), null, null, error, durationMs);
    }

    /** Whether the refresh of this table failed; a skip is not a failure. */
    public boolean failsRun() {
        return error != null;
    }
}
