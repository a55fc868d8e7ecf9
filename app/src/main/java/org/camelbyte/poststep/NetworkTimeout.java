package org.camelbyte.poststep;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;

/**
 * A backstop behind the statement timeout: metadata calls have no query timeout, and a server that vanishes
 * without closing the socket would otherwise leave a post-sync step waiting forever.
 */
final class NetworkTimeout {

    /** Room for the driver to cancel a statement at its own timeout before the socket gives up. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private NetworkTimeout() {}

    static void apply(Connection connection, Duration statementTimeout) throws SQLException {
        long millis = Math.min(Integer.MAX_VALUE, statementTimeout.plus(MARGIN).toMillis());
        try {
            connection.setNetworkTimeout(Runnable::run, (int) millis);
        } catch (SQLFeatureNotSupportedException | AbstractMethodError notSupported) {
            // the statement timeout still applies; only the backstop is missing on this driver
        }
    }
}
