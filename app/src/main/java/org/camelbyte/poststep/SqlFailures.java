package org.camelbyte.poststep;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.camelbyte.airbyte.Durations;

/** Turns a driver exception into the reason a person reads in the run record. */
final class SqlFailures {

    /** PostgreSQL's "query_canceled", which its driver raises when the query timeout fires. */
    private static final String QUERY_CANCELED = "57014";

    private SqlFailures() {}

    static String describe(SQLException failure, Duration statementTimeout) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        if (failure instanceof SQLTimeoutException || QUERY_CANCELED.equals(state)) {
            return "the statement ran longer than the statement timeout of " + Durations.format(statementTimeout)
                    + " and was cancelled";
        }
        // 08: connection exceptions; 57P: the server shutting down or restarting under the connection
        if (state.startsWith("08")
                || state.startsWith("57P")
                || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLTransientConnectionException) {
            return "the database connection failed: " + firstLine(failure);
        }
        return "the database refused the statement: " + firstLine(failure)
                + (state.isEmpty() ? "" : " (SQL state " + state + ")");
    }

    private static String firstLine(SQLException failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
