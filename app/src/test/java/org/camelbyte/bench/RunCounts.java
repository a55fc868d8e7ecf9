package org.camelbyte.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads the app's run table to see how many runs have an outcome; the table is what the app promises. One
 * connection for the whole phase, so its PostgreSQL backend is one known process whose CPU (the bench's
 * polling, not the app's work) the phase's PostgreSQL figure leaves out.
 */
final class RunCounts implements AutoCloseable {
    private static final String FINAL = "('succeeded','failed','cancelled','timed_out','skipped')";
    private final Connection connection;
    private final long backendPid;

    RunCounts(String jdbcUrl, String user) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, null);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            backendPid = rs.getLong(1);
        }
    }

    /** The pid of this connection's PostgreSQL backend. */
    long backendPid() {
        return backendPid;
    }

    /** Waits until n runs have an outcome or the deadline (System.nanoTime) passes; returns how many succeeded. */
    int awaitOutcomes(int n, long deadlineNanos) throws SQLException, InterruptedException {
        try (Statement st = connection.createStatement()) {
            while (true) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE status IN " + FINAL + "),"
                        + " count(*) FILTER (WHERE status = 'succeeded') FROM runs")) {
                    rs.next();
                    if (rs.getInt(1) >= n || System.nanoTime() > deadlineNanos) {
                        return rs.getInt(2);
                    }
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }

    /** Each ended run's job id and the moment its terminal record was made. */
    Map<Long, Instant> endedAtByJob() throws SQLException {
        Map<Long, Instant> ended = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT job_id, ended_at FROM runs WHERE ended_at IS NOT NULL AND job_id IS NOT NULL")) {
            while (rs.next()) {
                ended.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
            }
        }
        return ended;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
