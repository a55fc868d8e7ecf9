package org.camelbyte.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camelbyte.group.GroupTestScenario.jobsOf;

import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One pipelines.yaml, two Camel Main profiles: each syncs its own environment's connection. */
class EnvironmentAndStartupTest {
    private static final String PIPELINES = """
            defaults: {pollInterval: 50ms, timeout: 1m}
            pipelines:
              - {name: mysql, logicalConnection: mysql}
            """;
    private static AirbyteStandIn standIn;

    @BeforeAll
    static void start() {
        standIn = AirbyteStandIn.start(GroupTestScenario.SCENARIO, 0);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void logicalConnectionResolvesPerProfile() throws Exception {
        syncIn("staging");
        assertThat(jobsOf(standIn, "mysql (STAGING)")).hasSize(1);
        assertThat(jobsOf(standIn, "mysql (PROD)")).isEmpty();

        syncIn("prod");
        assertThat(jobsOf(standIn, "mysql (STAGING)")).hasSize(1);
        assertThat(jobsOf(standIn, "mysql (PROD)")).hasSize(1);
    }

    @Test
    void appRefusesToStartOnABrokenGraph() {
        assertThatThrownBy(() -> TestApp.with(standIn, """
                pipelines:
                  - {name: warehouse, connection: warehouse (PROD), dependsOn: [mysql, warehouse]}
                  - {name: mysql, connection: mysql (PROD)}
                """).start())
                .hasStackTraceContaining("pipelines warehouse -> warehouse depend on each other in a cycle");
    }

    private static void syncIn(String profile) throws Exception {
        try (TestApp app = TestApp.with(standIn, PIPELINES)
                .property("camel.main.profile", profile)
                .property("camel.main.shutdown-timeout", "1")
                .start()) {
            String expected = "mysql (" + profile.toUpperCase() + ")";
            assertThat(app.getJson("/api/pipelines")
                            .get(0)
                            .get("connectionName")
                            .asText())
                    .isEqualTo(expected);
            String runId = app.startRun("mysql");
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> app.run(runId).get("status").asText(), "succeeded"::equals);
        }
    }
}
