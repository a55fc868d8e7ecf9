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

/** The embedded default's PostgreSQL keeps its data across starts, even when the last one left its server running. */
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

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDir, 0)) {
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
