package org.camelbyte.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.http.HttpEndpoint;
import org.camelbyte.app.TestApp;
import org.camelbyte.app.TestPostgres;
import org.camelbyte.security.LogCapture;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The component inside the app: a route file dropped beside the app's routes syncs "mysql (PROD)" and logs
 * the job's end; airbyte:run and airbyte:outcomes meet the durable runs; both example route files run.
 */
class ComponentInAppTest {
    static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: mysql-prod, connection: mysql (PROD) }
              - { name: typo, connection: mysql (PRD) }
            """;
    static final String TEAM_ROUTES = """
            - route:
                id: sync-mysql
                from:
                  uri: "timer:sync-mysql?repeatCount=1"
                  steps:
                    - to:
                        uri: airbyte:sync
                        parameters: { connection: "mysql (PROD)", waitForCompletion: true, pollInterval: 200ms }
                    - log: "CamelAirbyteJobStatus ${header.CamelAirbyteJobStatus}"
            - route:
                id: run-mysql
                from:
                  uri: direct:run-mysql
                  steps:
                    - to:
                        uri: airbyte:run
                        parameters: { pipeline: mysql-prod, waitForCompletion: true, pollInterval: 200ms }
            - route:
                id: outcomes-seen
                from:
                  uri: airbyte:outcomes
                  parameters: { pipeline: mysql-prod }
                  steps:
                    - to: "seda:outcomes-seen"
            """;
    static final List<JsonNode> HOOKED = new CopyOnWriteArrayList<>();
    static AirbyteStandIn standIn;
    static HttpServer webhook;
    static LogCapture log;
    static Path landing;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.demo().withTimeScale(0.05), 0);
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/hook", call -> {
            HOOKED.add(new ObjectMapper().readTree(call.getRequestBody()));
            call.sendResponseHeaders(204, -1);
            call.close();
        });
        webhook.start();
        Path routes = Files.createTempDirectory("team-routes");
        Files.writeString(routes.resolve("sync-mysql.camel.yaml"), TEAM_ROUTES);
        landing = Files.createTempDirectory("landing");
        log = new LogCapture();
        app = TestApp.with(standIn, PIPELINES)
                .property(
                        "camel.main.routes-include-pattern",
                        "file:routes/*.camel.yaml," + "file:" + routes + "/*.camel.yaml,"
                                + "file:examples/routes/*.camel.yaml")
                .property("example.landing.dir", landing.toString())
                .property("example.landing.poll-interval", "200ms")
                .property("example.warehouse.jdbc-url", TestPostgres.newDatabase("example"))
                .property(
                        "example.webhook.url",
                        "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook")
                .start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        log.close();
        webhook.stop(0);
        standIn.close();
    }

    @Test
    void aRouteFileWithAirbyteSyncLogsTheJobSucceeded() {
        await().atMost(Duration.ofSeconds(30)).until(() -> log.text().contains("CamelAirbyteJobStatus succeeded"));
    }

    @Test
    void airbyteRunIsADurableRunIdempotentOnTheRequestId() {
        Exchange first = app.context()
                .createProducerTemplate()
                .request(
                        "direct:run-mysql",
                        e -> e.getMessage().setHeader(AirbyteConstants.REQUEST_ID, "component-run-1"));
        Exchange again = app.context()
                .createProducerTemplate()
                .request(
                        "direct:run-mysql",
                        e -> e.getMessage().setHeader(AirbyteConstants.REQUEST_ID, "component-run-1"));

        Map<String, Object> run = first.getMessage().getBody(Map.class);
        assertThat(run).containsEntry("status", "succeeded").containsEntry("pipeline", "mysql-prod");
        assertThat(((Number) run.get("rowsSynced")).longValue()).isPositive();
        assertThat(again.getMessage().getHeader(AirbyteConstants.RUN_ID)).isEqualTo(run.get("runId"));
        Object outcome = app.context().createConsumerTemplate().receiveBody("seda:outcomes-seen", 10_000);
        assertThat(outcome).isInstanceOf(Map.class);
    }

    @Test
    void theFileLandingExampleSyncsThenRefreshesStatistics() throws Exception {
        NotifyBuilder landed = new NotifyBuilder(app.context())
                .fromRoute("example-file-landing-sync")
                .whenCompleted(1)
                .create();

        Files.writeString(landing.resolve("orders.csv"), "id,name\n1,a\n", StandardCharsets.UTF_8);

        await().atMost(Duration.ofSeconds(30)).until(landed::matches);
        assertThat(landing.resolve(".done/orders.csv")).exists();
        assertThat(log.text()).containsPattern("Job \\d+ succeeded: \\d+ rows");
    }

    @Test
    void theWebhookExampleHearsOfFailedRuns() throws Exception {
        String runId = app.startRun("typo");

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        HOOKED.stream().anyMatch(h -> h.path("runId").asText().equals(runId)));
        JsonNode hooked = HOOKED.stream()
                .filter(h -> h.path("runId").asText().equals(runId))
                .findFirst()
                .orElseThrow();
        assertThat(hooked.path("status").asText()).isEqualTo("failed");
        assertThat(hooked.path("error").asText()).contains("mysql (PRD)");
    }

    @Test
    void theAppsAirbyteCallsGoThroughCamelHttp() {
        // the run steps' client sends through a camel-http endpoint of the app's own context
        await().atMost(Duration.ofSeconds(30)).until(() -> log.text().contains("CamelAirbyteJobStatus succeeded"));

        assertThat(app.context().getEndpoints()).anySatisfy(endpoint -> {
            assertThat(endpoint).isInstanceOf(HttpEndpoint.class);
            assertThat(endpoint.getEndpointUri()).contains(":" + standIn.port());
        });
    }
}
