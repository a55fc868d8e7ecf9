package org.camelbyte.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads run records straight from a state database, whether or not an app is up. */
final class RunRecords {
    private RunRecords() {}

    static String column(String stateJdbcUrl, String runId, String column) throws SQLException {
        try (Connection c = DriverManager.getConnection(stateJdbcUrl);
                PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM runs WHERE run_id=?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
