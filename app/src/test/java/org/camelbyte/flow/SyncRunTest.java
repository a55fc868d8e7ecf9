package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteContract;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One Airbyte sync end to end through the real YAML routes, against the stand-in over HTTP (public API). */
class SyncRunTest {
    static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
              - { name: billing, connection: billing (TEST) }
              - { name: crm, connection: crm (TEST) }
              - { name: archive, connection: archive (TEST), timeout: 1s }
              - { name: events, connection: events (TEST) }
              - { name: typo, connection: ordrs (TEST) }
              - { name: shared, connection: shared (TEST) }
              - { name: retired, connection: retired (TEST) }
            """;
    static StandInScenario scenario;
    static AirbyteStandIn standIn;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        scenario = StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml"));
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, PIPELINES).start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    static String connectionId(String name) {
        return scenario.connectionNamed("Test", name).id();
    }

    @Test
    void aSuccessfulSyncEndsSucceededWithItsJobAndCounts() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.path("jobId").asLong()).isPositive();
        assertThat(run.path("rowsSynced").asLong()).isPositive();
        assertThat(run.path("bytesSynced").asLong()).isPositive();
        assertThat(run.path("connectionId").asText()).isEqualTo(connectionId("orders (TEST)"));
        assertThat(run.path("endedAt").asText()).isNotEmpty();
        assertThat(standIn.jobsOf(connectionId("orders (TEST)")))
                .anySatisfy(
                        job -> assertThat(job.id()).isEqualTo(run.path("jobId").asLong()));
    }

    @Test
    void aFailedSyncEndsFailedNamingTheJob() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("billing"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText())
                .contains("job " + run.path("jobId").asLong(), "failed");
    }

    @Test
    void anIncompleteAttemptFollowedBySuccessEndsSucceeded() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("crm"));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(standIn.jobsOf(connectionId("crm (TEST)")))
                .singleElement()
                .satisfies(job -> assertThat(job.attempts()).isEqualTo(2));
    }

    @Test
    void aJobPastItsTimeoutIsCancelledInAirbyte() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("archive"));

        assertThat(run.path("status").asText()).isEqualTo("timed_out");
        assertThat(run.path("error").asText()).contains("did not finish within", "cancelled in Airbyte");
        assertThat(standIn.jobsOf(connectionId("archive (TEST)")))
                .filteredOn(job -> job.id() == run.path("jobId").asLong())
                .singleElement()
                .satisfies(job -> assertThat(job.wasCancelled()).isTrue());
    }

    @Test
    void aSyncAlreadyRunningIsAdoptedNotStartedTwice() throws Exception {
        String connectionId = connectionId("events (TEST)");
        HttpResponse<String> direct = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(standIn.publicApiUrl() + "/jobs"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"connectionId\":\"" + connectionId + "\",\"jobType\":\"sync\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(200);
        int before = standIn.jobsOf(connectionId).size();

        JsonNode run = Runs.awaitOutcome(app, app.startRun("events"));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(standIn.jobsOf(connectionId)).hasSize(before);
        assertThat(run.path("jobId").asLong())
                .isEqualTo(standIn.jobsOf(connectionId).get(before - 1).id());
    }

    @Test
    void anUnknownConnectionNameFailsNamingTheClosestNames() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("typo"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText()).contains("ordrs (TEST)", "orders (TEST)");
    }

    @Test
    void anAmbiguousConnectionNameFailsNamingTheWorkspaces() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("shared"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText()).contains("Test", "Other");
    }

    @Test
    void anInactiveConnectionFailsSayingSo() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("retired"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText()).containsIgnoringCase("inactive");
    }

    @Test
    void anUnknownPipelineIsA404NamingTheKnownOnes() throws Exception {
        HttpResponse<String> response = app.post("/api/pipelines/nope/runs", "");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("nope", "orders", "billing");
    }

    @Test
    void theSameRequestIdTwiceStartsOneRun() throws Exception {
        HttpResponse<String> first = app.post("/api/pipelines/orders/runs", "{\"requestId\":\"same-1\"}");
        HttpResponse<String> second = app.post("/api/pipelines/orders/runs", "{\"requestId\":\"same-1\"}");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"duplicate\":true");
        String runId = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(first.body())
                .path("runId")
                .asText();
        assertThat(second.body()).contains(runId);
    }

    @Test
    void pipelinesAndConnectionsAreListed() throws Exception {
        assertThat(app.getJson("/api/pipelines").findValuesAsText("name")).contains("orders", "billing", "archive");
        JsonNode connections = app.getJson("/api/connections?match=shared");
        assertThat(connections.findValuesAsText("workspaceName")).containsExactlyInAnyOrder("Test", "Other");
    }

    @Test
    void everyCallTheClientMadeIsValidAgainstAirbytesSpec() throws Exception {
        Runs.awaitOutcome(app, app.startRun("orders"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !standIn.calls().isEmpty());
        AirbyteContract.get().assertAllValid(standIn.calls());
    }
}
