package org.camelbyte.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.camelbyte.app.TestApp;
import org.camelbyte.flow.Runs;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Run history, cancel and the OpenAPI document, against the real app and a stand-in (time x100). Every
 * request here goes through {@link CamelbyteContract}, so each answer is also checked against the document.
 */
class RunApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINES = """
            defaults: { pollInterval: 50ms, timeout: 1m }
            pipelines:
              - name: quick
                connection: quick (TEST)
              - name: broken
                connection: broken (TEST)
              - name: slow
                connection: slow (TEST)
              - name: slow-too
                connection: slow too (TEST)
            groups:
              - name: pair
                pipelines: [quick, broken]
            """;
    private static StandInScenario scenario;
    private static AirbyteStandIn standIn;
    private static final String WEBHOOK_SECRET = "contract-webhook-secret";
    private static TestApp app;
    private static CamelbyteContract api;

    @BeforeAll
    static void start() throws Exception {
        scenario = StandInScenario.fromYaml("""
                timeScale: 0.01
                workspaces:
                  - {name: Test}
                connections:
                  - {name: quick (TEST), workspace: Test, job: [{status: running, seconds: 10, rowsPerSecond: 10}, {status: succeeded}]}
                  - {name: broken (TEST), workspace: Test, job: [{status: running, seconds: 10}, {status: failed, failure: "Destination quota exceeded"}]}
                  - {name: slow (TEST), workspace: Test, job: [{status: running, seconds: 100000, rowsPerSecond: 1}, {status: succeeded}]}
                  - {name: slow too (TEST), workspace: Test, job: [{status: running, seconds: 100000}, {status: succeeded}]}
                """);
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, PIPELINES)
                .property("airbyte.webhook-secret", WEBHOOK_SECRET)
                .start();
        api = new CamelbyteContract(app);
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void historyFiltersAndPagesNewestFirst() throws Exception {
        Instant before = Instant.now();
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(startAndFinish("quick"));
        }
        String failed = startAndFinish("broken");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(
                    api.get("/api/runs?pipeline=quick&since=" + before + "&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor)),
                    200);
            page.path("runs").forEach(run -> paged.add(run.path("runId").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        java.util.Collections.reverse(started);
        assertThat(paged).containsExactlyElementsOf(started);

        JsonNode failures = json(api.get("/api/runs?status=failed&trigger=http&since=" + before), 200)
                .path("runs");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("runId").asText()).isEqualTo(failed);
        assertThat(failures.get(0).path("error").asText()).contains("failed");
        JsonNode earlier =
                json(api.get("/api/runs?pipeline=quick&until=" + before), 200).path("runs");
        earlier.forEach(
                run -> assertThat(Instant.parse(run.path("startedAt").asText())).isBefore(before));
        earlier.forEach(
                run -> assertThat(started).doesNotContain(run.path("runId").asText()));
        assertThat(json(api.get("/api/runs?trigger=queue&since=" + before), 200).path("runs"))
                .isEmpty();
    }

    @Test
    void badHistoryParametersAreRefusedNamingTheParameter() throws Exception {
        assertThat(json(api.get("/api/runs?limit=501"), 400).path("error").asText())
                .contains("'limit'", "500");
        assertThat(json(api.get("/api/runs?status=done"), 400).path("error").asText())
                .contains("'status'", "succeeded");
        assertThat(json(api.get("/api/runs?since=yesterday"), 400).path("error").asText())
                .contains("'since'", "ISO-8601");
        assertThat(json(api.get("/api/runs?cursor=bm9wZQ"), 400).path("error").asText())
                .contains("'cursor'", "nextCursor");
        String tampered = java.util.Base64.getUrlEncoder()
                .encodeToString("yesterday|run-1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(json(api.get("/api/runs?cursor=" + tampered), 400)
                        .path("error")
                        .asText())
                .contains("'cursor'", "nextCursor");
    }

    @Test
    void cancellingARunningRunCancelsItsJobAndTheRunStaysCancelled() throws Exception {
        String runId = app.startRun("slow");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> app.run(runId).path("rowsSynced").asLong() > 0);
        NotifyBuilder loopEnded = new NotifyBuilder(app.context())
                .fromCurrentRoute("pipeline-slow")
                .whenDone(1)
                .create();

        JsonNode cancelled = json(api.post("/api/runs/" + runId + "/cancel", ""), 200);

        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("error").asText())
                .startsWith("Cancelled through the API by token")
                .contains("cancelled in Airbyte");
        assertThat(loopEnded.matches(20, TimeUnit.SECONDS))
                .as("the run's loop stopped")
                .isTrue();
        JsonNode after = app.run(runId);
        assertThat(after.path("status").asText()).isEqualTo("cancelled");
        assertThat(after.path("error").asText())
                .isEqualTo(cancelled.path("error").asText());
        assertThat(after.path("rowsSynced").asLong()).isPositive();
        List<StandInJob> jobs =
                standIn.jobsOf(scenario.connectionNamed("Test", "slow (TEST)").id());
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).wasCancelled()).isTrue();
    }

    @Test
    void aFinishedRunAnswers409WithItsStatusAndAnUnknownRun404() throws Exception {
        String runId = startAndFinish("quick");

        JsonNode conflict = json(api.post("/api/runs/" + runId + "/cancel", ""), 409);
        assertThat(conflict.path("status").asText()).isEqualTo("succeeded");
        assertThat(conflict.path("error").asText()).contains(runId, "already ended succeeded");
        assertThat(app.run(runId).path("status").asText()).isEqualTo("succeeded");

        assertThat(json(api.post("/api/runs/no-such-run/cancel", ""), 404)
                        .path("error")
                        .asText())
                .contains("'no-such-run'", "GET /api/runs");
    }

    @Test
    void theOpenApiDocumentDescribesEveryApiRouteAndTheirRealAnswers() throws Exception {
        String runId = app.startRun("slow-too");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> app.run(runId).path("jobId").isNumber());
        api.get("/api/pipelines");
        api.get("/api/connections?match=test");
        api.get("/api/runs/" + runId);
        api.get("/api/runs/unknown");
        api.get("/api/runs?limit=1");
        api.get("/api/overview");
        api.post("/api/pipelines/quick/runs", "{\"requestId\": \"contract-1\"}");
        api.post("/api/pipelines/nope/runs", "");
        api.post("/api/runs/" + runId + "/cancel", "");
        JsonNode group = json(api.post("/api/groups/pair/runs", ""), 202);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !app.getJson(
                                "/api/group-runs/" + group.path("groupRunId").asText())
                        .path("status")
                        .asText()
                        .equals("running"));
        api.get("/api/groups");
        api.get("/api/group-runs/" + group.path("groupRunId").asText());
        api.post("/api/group-runs/" + group.path("groupRunId").asText() + "/retry", "");
        api.get("/api/openapi.json");
        api.post("/api/airbyte/webhook/" + WEBHOOK_SECRET, "{\"data\": {\"jobId\": 987654, \"success\": true}}");
        api.post("/api/airbyte/webhook/wrong-secret", "{\"data\": {\"jobId\": 1}}");
        // the overview after all that: runs of every kind, checked against the document too
        api.get("/api/overview");

        assertThat(api.violations()).isEmpty();
        assertThat(api.exercised()).containsAll(api.documented());
        assertThat(documentedRoutes()).containsExactlyInAnyOrderElementsOf(api.documented());
    }

    /** The app's own /api routes, as "METHOD /path", to catch a route added without documenting it. */
    private static List<String> documentedRoutes() {
        return app.context().getRoutes().stream()
                .map(route -> route.getEndpoint().getEndpointUri())
                .filter(uri -> uri.matches("platform-http:/*api/.*"))
                .map(uri -> {
                    String path = java.net.URLDecoder.decode(
                            uri.replaceAll("platform-http:/*", "/").replaceAll("\\?.*", ""),
                            java.nio.charset.StandardCharsets.UTF_8);
                    String method = uri.contains("httpMethodRestrict=POST") ? "POST" : "GET";
                    return method + " " + path;
                })
                .toList();
    }

    private static String startAndFinish(String pipeline) throws Exception {
        String runId = app.startRun(pipeline);
        Runs.awaitOutcome(app, runId);
        return runId;
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
