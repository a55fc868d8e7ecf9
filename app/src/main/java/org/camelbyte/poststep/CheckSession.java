package org.camelbyte.poststep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database as the checks of one run see it: one connection, opened on first use so that checks
 * needing no database still run when it is down, read-only so a custom {@code sql} check cannot write,
 * and every statement under the statement timeout.
 */
public final class CheckSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckSession.class);

    private final DataSource dataSource;
    private final Duration statementTimeout;
    private final Map<String, Long> rowCounts = new LinkedHashMap<>();
    private Connection connection;
    private SQLException connectFailure;
    private Dialect dialect;
    private SchemaLookup lookup;

    CheckSession(DataSource dataSource, Duration statementTimeout) {
        this.dataSource = dataSource;
        this.statementTimeout = statementTimeout;
    }

    public Dialect dialect() throws SQLException {
        connection();
        return dialect;
    }

    /** The table quoted for this database, after checking that it exists. */
    public String quotedTable(TableName table) throws SQLException, MissingObjectException {
        return resolve(table).quoted(dialect);
    }

    /** The column quoted for this database, after checking that the table has it. */
    public String quotedColumn(TableName table, String column) throws SQLException, MissingObjectException {
        TableName actual = resolve(table);
        String stored = lookup.findColumn(actual, column)
                .orElseThrow(() -> new MissingObjectException(
                        "Column " + column + " does not exist in table " + actual.qualified() + "."));
        return dialect.quote(stored);
    }

    /** Counts the table's rows once per run, so several checks on one table share the scan. */
    public long rowCount(TableName table) throws SQLException, MissingObjectException {
        Long known = rowCounts.get(table.qualified());
        if (known != null) {
            return known;
        }
        try (PreparedStatement statement = prepare("select count(*) from " + quotedTable(table));
                ResultSet result = statement.executeQuery()) {
            result.next();
            long count = result.getLong(1);
            rowCounts.put(table.qualified(), count);
            return count;
        }
    }

    /** Prepares a statement with the statement timeout set; the caller closes it. */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection().prepareStatement(sql);
        try {
            statement.setQueryTimeout(timeoutSeconds(statementTimeout));
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** Row counts taken so far, by {@link TableName#qualified()} as written in the config. */
    Map<String, Long> rowCounts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }

    /** Ends the check's transaction; a failed statement would otherwise poison the next check on PostgreSQL. */
    void endCheck() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback after a check failed; the next check will report the connection's state", e);
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        // endCheck already rolled back; a rollback here could throw and leak the connection from its pool
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the check connection failed", e);
        }
    }

    /** JDBC timeouts are whole seconds; round up so a short timeout never becomes "no timeout" (0). */
    static int timeoutSeconds(Duration timeout) {
        long millis = timeout.toMillis();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (millis + 999) / 1000));
    }

    private TableName resolve(TableName table) throws SQLException, MissingObjectException {
        connection();
        return lookup.findTable(table)
                .orElseThrow(() -> new MissingObjectException("Table " + table.qualified() + " does not exist"
                        + (table.schema() == null ? " in the default schema" : "") + "."));
    }

    private Connection connection() throws SQLException {
        if (connectFailure != null) {
            // one refused connection is enough: do not make every check wait for its own connect timeout
            throw connectFailure;
        }
        if (connection == null) {
            try {
                connection = open();
            } catch (SQLException e) {
                connectFailure = e;
                throw e;
            }
        }
        return connection;
    }

    private Connection open() throws SQLException {
        Connection opened = dataSource.getConnection();
        try {
            opened.setAutoCommit(false);
            opened.setReadOnly(true);
            NetworkTimeout.apply(opened, statementTimeout);
            dialect = Dialect.of(opened);
            lookup = new SchemaLookup(opened, dialect);
            return opened;
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
    }
}
