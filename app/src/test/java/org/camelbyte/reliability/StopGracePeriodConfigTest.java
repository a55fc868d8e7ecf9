package org.camelbyte.reliability;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/**
 * Camel's wait for in-flight runs must fit in stop.grace-period, which also covers releasing leases and
 * stopping the embedded services: otherwise the process would end before those, so the start refuses it.
 */
class StopGracePeriodConfigTest {

    @Test
    void aShutdownTimeoutAsLongAsTheGracePeriodIsRefusedNamingBothKeys() {
        try (AirbyteStandIn standIn =
                AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0)) {
            assertThatThrownBy(() -> TestApp.with(standIn, "pipelines: []\n")
                            .property("camel.main.shutdown-timeout", "10")
                            .property("stop.grace-period", "10s")
                            .start())
                    .hasStackTraceContaining("Config key camel.main.shutdown-timeout (in config/application.properties"
                            + " or env CAMEL_MAIN_SHUTDOWN_TIMEOUT) is 10 (seconds) but must be less than"
                            + " stop.grace-period");
        }
    }
}
