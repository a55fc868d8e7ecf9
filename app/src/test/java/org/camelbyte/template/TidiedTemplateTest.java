package org.camelbyte.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camelbyte.app.TestApp;
import org.camelbyte.flow.Runs;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A team that tidies the template down to the two steps that start and follow the job (no lookup, no post-sync,
 * no finish, no route configuration) loses no run: each still ends with its outcome, and its event and
 * follow-ups still happen; nothing a team can delete from routes/ calls a bean.
 */
class TidiedTemplateTest {
    static AirbyteStandIn standIn;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        String routes = EditedTemplate.ofShippedRoutes()
                .without("routeConfigurationId: airbyte-run-errors")
                .without("- to: direct:run-lookup")
                .without("- to: direct:run-post-sync")
                .without("- to: direct:run-finish")
                .write();
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
        app = TestApp.with(standIn, """
                        defaults: { pollInterval: 100ms, timeout: 1m }
                        pipelines:
                          - { name: orders, connection: orders (TEST) }
                          - { name: typo, connection: ordrs (TEST) }
                        """)
                .property("camel.main.routes-include-pattern", routes)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void aRunOfTheTidiedTemplateStillReachesItsOutcome() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.path("jobId").asLong()).isPositive();
        assertThat(run.path("rowsSynced").asLong()).isPositive();
    }

    @Test
    void aFailingStepOfTheTidiedTemplateStillFailsItsRunWithTheReason() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("typo"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText()).startsWith("No Airbyte connection is named 'ordrs (TEST)'");
    }

    @Test
    void noRouteFileOfTheTeamsCallsABean() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            assertThat(files.toList())
                    .allSatisfy(file -> assertThat(Files.readString(file))
                            .as("%s", file)
                            .doesNotContain("bean:", "ref:", "method:"));
        }
    }
}
