package org.camelbyte.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad config or route files stop the app at start, with the file, the key and what is expected. */
class StartupConfigErrorsTest {
    @TempDir
    static Path dir;

    static AirbyteStandIn standIn;

    @BeforeAll
    static void start() {
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void anUnknownAirbyteAuthModeNamesKeyFileAndChoices() {
        assertThatThrownBy(() -> app().property("airbyte.auth", "oauth").start())
                .hasStackTraceContaining(
                        "Config key airbyte.auth (in config/application.properties or env AIRBYTE_AUTH)"
                                + " is 'oauth'")
                .hasStackTraceContaining("none, basic, bearer, client_credentials");
    }

    @Test
    void aNumberThatIsNotOneNamesKeyFileAndExpectation() {
        assertThatThrownBy(
                        () -> app().property("runs.retry.max-attempts", "abc").start())
                .hasStackTraceContaining("Config key runs.retry.max-attempts (in config/application.properties or env"
                        + " RUNS_RETRY_MAX_ATTEMPTS) is 'abc' but must be a whole number.");
    }

    @Test
    void aStartRateOfNoneIsRefusedWithWhatToSetInstead() {
        assertThatThrownBy(
                        () -> app().property("runs.max-starts-per-second", "0").start())
                .hasStackTraceContaining("Config key runs.max-starts-per-second (in config/application.properties or"
                        + " env RUNS_MAX_STARTS_PER_SECOND) is 0: set a whole number of at least 1, or leave it empty"
                        + " for no limit but runs.concurrent-starts.");
    }

    @Test
    void aWatcherLookingAgainAfterEndsSoonerThanItsFloorIsRefusedWithWhatToSetInstead() {
        assertThatThrownBy(() -> app().property("airbyte.watch.interval", "1s")
                        .property("airbyte.watch.after-ends", "10ms")
                        .start())
                .hasStackTraceContaining("Config key airbyte.watch.after-ends (in config/application.properties or"
                        + " env AIRBYTE_WATCH_AFTER_ENDS) is 10 ms: set 100ms or more (the interval, 1000 ms, for no"
                        + " look sooner than it), or leave it empty for a quarter of the interval.");
    }

    @Test
    void aKeyWhoseDefaultIsInTheShippedFileCannotBeLeftOut() {
        assertThatThrownBy(() -> app().property("runs.lease", "").start())
                .hasStackTraceContaining("Config key runs.lease (in config/application.properties or env RUNS_LEASE)"
                        + " is not set; the shipped config/application.properties sets its default");
    }

    @Test
    void anUnknownApiAuthModeAndMissingBasicCredentialsAreRefused() {
        assertThatThrownBy(() -> app().property("api.auth", "jwt").start())
                .hasStackTraceContaining(
                        "Config key api.auth (in config/application.properties or env API_AUTH) is 'jwt'")
                .hasStackTraceContaining("expected one of bearer, basic, none.");
        assertThatThrownBy(() -> app().property("api.auth", "basic")
                        .property("api.username", "ops")
                        .start())
                .hasStackTraceContaining(
                        "api.password (in config/application.properties or env API_PASSWORD) is not set");
    }

    @Test
    void aMissingTrustStoreNamesTheKeyAndTheFile() {
        assertThatThrownBy(() -> app().property(
                                "airbyte.tls.trust-store",
                                dir.resolve("nope.p12").toString())
                        .start())
                .hasStackTraceContaining("Config key airbyte.tls.trust-store (in config/application.properties or env"
                        + " AIRBYTE_TLS_TRUST_STORE) names " + dir.resolve("nope.p12"))
                .hasStackTraceContaining("expected a trust store file");
    }

    @Test
    void aMisspeltPipelinesKeyNamesThePipelineAndTheKeyWithItsPath() {
        assertThatThrownBy(() -> TestApp.with(standIn, """
                        pipelines:
                          - name: orders
                            connection: orders (TEST)
                            schedule: {cron: "0 0 2 * * ?", timezone: UTC}
                        """).start())
                .hasStackTraceContaining("pipelines.yaml: pipeline 'orders', key 'schedule.timezone' is not a known"
                        + " key; use cron, timeZone, whenBusy or misfire.");
    }

    @Test
    void aBrokenRouteFileNamesTheFile() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.camel.yaml"), """
                - route:
                    id: broken
                    from:
                      uri: direct:broken
                      steps:
                        - notAStep: {}
                """);

        assertThatThrownBy(() -> app().property(
                                "camel.main.routes-include-pattern", "file:routes/*.camel.yaml,file:" + broken)
                        .start())
                .hasStackTraceContaining("broken.camel.yaml")
                .hasStackTraceContaining("notAStep");
    }

    @Test
    void turningVerificationOffIsLogged() throws Exception {
        try (LogCapture log = new LogCapture();
                TestApp app = app().property("airbyte.tls.verify", "false").start()) {
            assertThat(app.get("/api/pipelines").statusCode()).isEqualTo(200);
            assertThat(log.text())
                    .contains("airbyte.tls.verify = false: Airbyte's certificate and host name are NOT checked");
        }
    }

    private static TestApp.Builder app() {
        return TestApp.with(standIn, ApiAuthTest.PIPELINES);
    }
}
