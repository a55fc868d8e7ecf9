package org.camelbyte.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Starts the embedded PostgreSQL on a data dir, writes a row, then ends its JVM the way kill -9 does (no
 * shutdown hooks), leaving the server running as a killed app would.
 */
public final class LeftBehindPostgres {
    private LeftBehindPostgres() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("state"), "postgres", null);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }
        Runtime.getRuntime().halt(0);
    }
}
