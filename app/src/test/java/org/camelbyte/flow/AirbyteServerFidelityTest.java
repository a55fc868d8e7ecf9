package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs against an Airbyte that behaves as real deployments do: its clock minutes off ours, times without
 * seconds, a job POST answered after our timeout, connections named by id, names that do not exist.
 */
class AirbyteServerFidelityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDERS_ID = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final String UNKNOWN_ID = "99999999-9999-4999-8999-999999999999";
    private static final String PIPELINES = """
            defaults: { pollInterval: 50ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
              - { name: ghost, connection: no such (TEST) }
              - { name: by-id, connection: %s }
              - { name: unknown-id, connection: %s }
            """.formatted(ORDERS_ID, UNKNOWN_ID);
    /** One scripted second is 10 ms: the job ends in 0.3 s, well within the 500 ms request timeout. */
    private static final StandInScenario SCENARIO = StandInScenario.fromYaml("""
            timeScale: 0.01
            workspaces:
              - {name: Test}
            connections:
              - id: %s
                name: orders (TEST)
                workspace: Test
                job: [{status: pending, seconds: 10}, {status: running, seconds: 20, rowsPerSecond: 100}, {status: succeeded}]
            """.formatted(ORDERS_ID));

    private static AirbyteStandIn standIn;
    private static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(SCENARIO, 0);
        app = TestApp.with(standIn, PIPELINES)
                .property("airbyte.request-timeout", "500ms")
                // long enough to see a waiting run's next try in its JSON
                .property("runs.retry.first-delay", "1s")
                // these tests set Airbyte's clock minutes ahead and back again between tests, which leaves the
                // watcher's cursor (Airbyte's own times) ahead of the next jobs; they are then read singly
                .property("airbyte.watch.single-read-after", "2s")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @AfterEach
    void tidyServer() {
        standIn.faults().clear();
        standIn.behaviours().clockSkew(Duration.ZERO).minuteTimestamps(false);
    }

    @ParameterizedTest(name = "Airbyte''s clock {0} min off ours")
    @ValueSource(ints = {5, -5})
    void aPostAnsweredAfterTheTimeoutOnASkewedServerMakesOneJobAndTheRunFollowsIt(int skewMinutes) throws Exception {
        standIn.behaviours().clockSkew(Duration.ofMinutes(skewMinutes)).minuteTimestamps(true);
        standIn.faults().slowJobAnswer(Duration.ofMillis(1500));
        int jobsBefore = standIn.jobsOf(ORDERS_ID).size();

        String runId = app.startRun("orders");
        JsonNode postOut = awaitWaiting(runId, waiting -> !waiting.hasNonNull("nextAttemptAt"));
        JsonNode retrying = awaitWaiting(runId, waiting -> waiting.hasNonNull("nextAttemptAt"));
        JsonNode run = Runs.awaitOutcome(app, runId);

        assertThat(postOut.path("step").asText()).isEqualTo("trigger");
        assertThat(postOut.path("error").asText()).contains("Waiting for Airbyte to answer");
        assertThat(retrying.path("step").asText()).isEqualTo("trigger");
        assertThat(retrying.path("error").asText()).contains("POST /api/public/v1/jobs timed out");
        assertThat(retrying.path("attempt").asInt()).isEqualTo(2);
        assertThat(Instant.parse(retrying.path("nextAttemptAt").asText()))
                .isAfter(Instant.now().minusSeconds(5));
        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.has("waiting"))
                .as("a run that has ended waits for nothing")
                .isFalse();
        assertThat(standIn.jobsOf(ORDERS_ID)).as("exactly one job for the run").hasSize(jobsBefore + 1);
        assertThat(run.path("jobId").asLong())
                .isEqualTo(standIn.jobsOf(ORDERS_ID).get(jobsBefore).id());
        assertThat(run.path("rowsSynced").asLong()).isPositive();
    }

    @Test
    void twentyRunsOfAMissingNameListAirbyteAtMostTwice() throws Exception {
        standIn.clearCalls();
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runIds.add(app.startRun("ghost"));
        }
        for (String runId : runIds) {
            JsonNode run = Runs.awaitOutcome(app, runId);
            assertThat(run.path("status").asText()).isEqualTo("failed");
            assertThat(run.path("error").asText()).contains("No Airbyte connection is named 'no such (TEST)'");
        }

        long listings = standIn.calls().stream()
                .filter(c -> c.method().equals("GET") && c.path().endsWith("/connections"))
                .count();
        assertThat(listings).as("connection listings for 20 misses").isBetween(0L, 2L);
    }

    @Test
    void aPipelineNamingItsConnectionByIdShowsAirbytesName() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("by-id"));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.path("connectionName").asText()).isEqualTo("orders (TEST)");
        assertThat(run.path("connectionId").asText()).isEqualTo(ORDERS_ID);
    }

    @Test
    void anUnknownIdSaysNoConnectionHasIt() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("unknown-id"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText())
                .contains("No Airbyte connection has id '" + UNKNOWN_ID + "'")
                .doesNotContain("named");
    }

    @Test
    void bodyErrorsAreJsonAndNameTheProblem() throws Exception {
        for (String contentType : List.of("application/json", "application/x-www-form-urlencoded")) {
            assertError(contentType, "{\"evil\": 1}", "evil");
            assertError(contentType, "{\"jobType\": \"bogus\"}", "jobType must be one of sync, reset, clear");
            assertError(
                    contentType,
                    "{\"requestId\": \"" + "r".repeat(201) + "\"}",
                    "requestId is longer than 200 characters");
        }
    }

    private static void assertError(String contentType, String body, String expected) throws Exception {
        HttpResponse<String> response = app.send(app.request("/api/pipelines/orders/runs")
                .header("Authorization", "Bearer " + TestApp.API_TOKEN)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).as(body + " as " + contentType).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("error").asText())
                .as(body + " as " + contentType)
                .contains(expected);
    }

    /** The run's waiting note once it matches, read through the HTTP API as a user would. */
    private static JsonNode awaitWaiting(String runId, java.util.function.Predicate<JsonNode> wanted) {
        AtomicBoolean seen = new AtomicBoolean();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    JsonNode waiting = app.run(runId).path("waiting");
                    if (!waiting.isMissingNode() && wanted.test(waiting)) {
                        last[0] = waiting;
                        seen.set(true);
                    }
                    return seen.get();
                });
        return last[0];
    }
}
