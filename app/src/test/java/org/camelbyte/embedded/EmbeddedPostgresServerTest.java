package org.camelbyte.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded default's PostgreSQL keeps its data across starts, even when the last one left its server running
 * (the app killed with kill -9), with a session still open on it.
 */
class EmbeddedPostgresServerTest {

    @Test
    void aServerLeftRunningOnTheDataDirIsStoppedAndTheDataIsKept() throws Exception {
        Path dataDir = Files.createTempDirectory("camelbyte-pg");
        Process killedApp = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LeftBehindPostgres.class.getName(),
                        dataDir.toString())
                .inheritIO()
                .start();
        assertThat(killedApp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long orphanPid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                .as("left running")
                .isTrue();
        String orphanPort =
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim();

        // a session still open on the old server (a psql, a replica): a smart shutdown would wait for it for good
        try (Connection session = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + orphanPort + "/postgres", "postgres", null);
                EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDir, 0)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(restarted.port()).isPositive();
            try (Connection c = DriverManager.getConnection(restarted.jdbcUrl("state"), "postgres", null);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }
}
