package org.camelbyte.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camelbyte.config.EnvOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Env vars override every key of the config file, Camel Main's own keys included. */
class EnvOverridesTest {
    @Test
    void anEnvVarNamedAfterAFileKeyOverridesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(
                file, "camel.server.port = 8080\ncamel.management.port = 9876\nruns.on-stop = leave-running\n");

        Map<String, String> overrides =
                EnvOverrides.of(file, Map.of("CAMEL_SERVER_PORT", "18080", "RUNS_ON_STOP", "cancel", "UNRELATED", "x"));

        assertThat(overrides)
                .containsExactlyInAnyOrderEntriesOf(Map.of("camel.server.port", "18080", "runs.on-stop", "cancel"));
    }
}
