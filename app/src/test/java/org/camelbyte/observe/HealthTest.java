package org.camelbyte.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.camelbyte.app.FreePort;
import org.camelbyte.app.TestApp;
import org.camelbyte.embedded.EmbeddedPostgresServer;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/**
 * Health as an orchestrator probes it: every check listed with its state; when the state database stops,
 * the app is not ready (no run can record a step) but still alive (a restart would not help).
 */
class HealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readinessGoesDownWhenTheStateDatabaseStopsWhileLivenessStaysUp() throws Exception {
        // the app's own PostgreSQL, so this test can stop it without touching other tests' databases
        Path pgData = Files.createTempDirectory("health-pg");
        int pgPort = FreePort.find();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(pgData, pgPort);
        try (AirbyteStandIn standIn = AirbyteStandIn.start(
                        StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
                TestApp app = TestApp.with(standIn, "pipelines:\n  - { name: orders, connection: orders (TEST) }\n")
                        .property("state.jdbc-url", postgres.jdbcUrl("state"))
                        .property("observe.health-timeout", "1s")
                        .start()) {
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(Scrape.management(app, "/observe/health/ready")
                                    .statusCode())
                            .isEqualTo(200));
            JsonNode health =
                    JSON.readTree(Scrape.management(app, "/observe/health").body());
            assertThat(check(health, "state-database").path("status").asText()).isEqualTo("UP");
            assertThat(check(health, "broker").path("status").asText()).isEqualTo("UP");
            assertThat(check(health, "airbyte").path("status").asText()).isEqualTo("UP");

            postgres.close();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> ready = Scrape.management(app, "/observe/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                JsonNode database = check(JSON.readTree(ready.body()), "state-database");
                assertThat(database.path("status").asText()).isEqualTo("DOWN");
                assertThat(database.path("message").asText()).contains("The state database does not answer");
            });
            HttpResponse<String> live = Scrape.management(app, "/observe/health/live");
            assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
            assertThat(JSON.readTree(live.body()).path("status").asText()).isEqualTo("UP");

            // back again before the app stops: a stop records where its runs are
            postgres = EmbeddedPostgresServer.start(pgData, pgPort);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(Scrape.management(app, "/observe/health/ready")
                                    .statusCode())
                            .isEqualTo(200));
        } finally {
            postgres.close();
        }
    }

    /** One check of Camel's full health answer, by its id. */
    private static JsonNode check(JsonNode health, String id) {
        for (JsonNode check : health.path("checks")) {
            if (id.equals(check.path("name").asText())
                    || id.equals(check.path("id").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check '" + id + "' in " + health);
    }
}
