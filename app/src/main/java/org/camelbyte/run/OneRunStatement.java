package org.camelbyte.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One conditional statement on one run, committed on its own (not through {@link GroupCommit}): these writes
 * are rare next to a poll's progress, and the caller acts on whether the condition held.
 */
final class OneRunStatement {
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private OneRunStatement() {}

    /** {@code runIdIndex}: where the statement's run_id goes; answers whether the run's row changed. */
    static boolean update(DataSource dataSource, String sql, String runId, Binder binder, int runIdIndex) {
        return update(dataSource, sql, runId, binder, runIdIndex, "could not update run " + runId);
    }

    static boolean update(
            DataSource dataSource, String sql, String runId, Binder binder, int runIdIndex, String failure) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.setString(runIdIndex, runId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new RunStoreException(failure, e);
        }
    }
}
