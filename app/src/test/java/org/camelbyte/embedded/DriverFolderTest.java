package org.camelbyte.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drivers folder on its own: H2's jar (target/test-drivers/, on no classpath) seen through DriverManager. */
class DriverFolderTest {
    static final String H2_URL = "jdbc:h2:mem:nothing";

    @TempDir
    Path dir;

    @Test
    void aDriverIsSeenWhileTheFolderIsOpenAndGoneAfterItCloses() throws Exception {
        Files.copy(Path.of("target/test-drivers/h2-2.3.232.jar"), dir.resolve("h2.jar"));
        assertThatThrownBy(() -> DriverManager.getDriver(H2_URL))
                .as("H2 must not be on the test classpath")
                .isInstanceOf(SQLException.class);

        try (DriverFolder ignored = DriverFolder.load(dir)) {
            assertThat(DriverManager.getDriver(H2_URL).toString()).contains("org.h2.Driver");
        }

        // a later start in the same JVM (the next test app) must not inherit this folder's drivers
        assertThatThrownBy(() -> DriverManager.getDriver(H2_URL)).isInstanceOf(SQLException.class);
    }

    @Test
    void aMissingFolderHoldsNoDriverAndTheJarsOwnStillWork() throws Exception {
        try (DriverFolder ignored = DriverFolder.load(dir.resolve("no-such-lib"))) {
            assertThat(DriverManager.getDriver("jdbc:postgresql://localhost/x")).isNotNull();
            assertThat(DriverManager.getDriver("jdbc:mariadb://localhost/x")).isNotNull();
            assertThat(DriverManager.getDriver("jdbc:sqlserver://localhost:1433;databaseName=x"))
                    .isNotNull();
        }
    }
}
