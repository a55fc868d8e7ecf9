package org.camelbyte.poststep;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes optimizer statistics of freshly loaded tables, so the first queries after a sync get sane
 * plans. Never throws for a database problem: each table gets a result saying what happened.
 */
public final class StatisticsRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsRefresher.class);

    private final Duration statementTimeout;

    public StatisticsRefresher(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public List<AnalyzedTable> refresh(DataSource dataSource, List<TableName> tables) {
        List<TableName> distinct = tables.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            // statistics statements refuse or misbehave inside explicit transactions on some databases
            connection.setAutoCommit(true);
            NetworkTimeout.apply(connection, statementTimeout);
            Dialect dialect = Dialect.of(connection);
            if (!dialect.refreshesStatistics()) {
                String reason = "no statistics statement is known for "
                        + connection.getMetaData().getDatabaseProductName();
                return distinct.stream().map(table -> skip(table, reason)).toList();
            }
            SchemaLookup lookup = new SchemaLookup(connection, dialect);
            List<AnalyzedTable> results = new ArrayList<>();
            for (TableName table : distinct) {
                results.add(refreshOne(connection, dialect, lookup, table));
            }
            return results;
        } catch (SQLException e) {
            String reason = SqlFailures.describe(e, statementTimeout);
            LOG.warn("Statistics refresh could not run: {}", reason);
            return distinct.stream()
                    .map(table -> AnalyzedTable.failed(table, reason, 0))
                    .toList();
        } finally {
            closeQuietly(connection);
        }
    }

    /** Outside the main try, so a connection that dies after the last statement does not undo the results. */
    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the statistics connection failed", e);
        }
    }

    private AnalyzedTable refreshOne(Connection connection, Dialect dialect, SchemaLookup lookup, TableName table) {
        long start = System.nanoTime();
        try {
            Optional<TableName> stored = lookup.findTable(table);
            if (stored.isEmpty()) {
                return skip(table, "table " + table.qualified() + " does not exist");
            }
            String sql = dialect.statisticsStatement(stored.get().quoted(dialect));
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(CheckSession.timeoutSeconds(statementTimeout));
                // execute, not executeUpdate: MySQL's ANALYZE TABLE answers with a result set
                statement.execute(sql);
            }
            long durationMs = millisSince(start);
            LOG.info("Refreshed statistics: {} ({} ms)", sql, durationMs);
            return AnalyzedTable.ran(table, sql, durationMs);
        } catch (SQLException e) {
            String reason = SqlFailures.describe(e, statementTimeout);
            LOG.warn("Statistics refresh of {} failed: {}", table, reason);
            return AnalyzedTable.failed(table, reason, millisSince(start));
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static AnalyzedTable skip(TableName table, String reason) {
        LOG.info("Statistics refresh of {} skipped: {}", table, reason);
        return AnalyzedTable.skipped(table, reason);
    }
}
