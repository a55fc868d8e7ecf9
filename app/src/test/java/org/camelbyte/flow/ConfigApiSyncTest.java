package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.ServerBehaviours;
import org.camelbyte.standin.StandInAuth;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same runs through a self-managed Airbyte's Config API, with client-credentials auth whose tokens
 * expire every few seconds, and with the server failing and rate-limiting now and then.
 */
class ConfigApiSyncTest {
    static final String SECRET = "s3cr3t-config-api";
    static AirbyteStandIn standIn;
    static TestApp app;
    static StandInScenario scenario;

    @BeforeAll
    static void start() throws Exception {
        scenario = StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml"))
                .withAuth(StandInAuth.clientCredentials("camelbyte", SECRET))
                .withTokenTtlSeconds(2);
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, SyncRunTest.PIPELINES)
                .property("airbyte.url", standIn.configApiUrl())
                .property("airbyte.api", "config")
                .property("airbyte.auth", "client_credentials")
                .property("airbyte.client-id", "camelbyte")
                .property("airbyte.client-secret", SECRET)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void aSuccessfulSyncEndsSucceeded() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.path("rowsSynced").asLong()).isPositive();
    }

    @Test
    void aFailedSyncCarriesAirbytesFailureSummary() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("billing"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText()).contains("Destination quota exceeded for table invoices");
    }

    @Test
    void attemptsAreCountedAcrossAnIncompleteAttempt() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("crm"));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void tokensRevokedMidRunAreRenewedAndTheRunGoesOn() throws Exception {
        standIn.clearCalls();
        String runId = app.startRun("crm");
        // revoked again before each look until a call of the run meets a revoked token: the client renews its
        // token at 80 % of the 2 s life, so a single revocation just before a renewal would go unnoticed
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    standIn.expireAllTokens();
                    return standIn.calls().stream().anyMatch(call -> call.responseStatus() == 401);
                });

        JsonNode run = Runs.awaitOutcome(app, runId);

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void serverErrorsAndRateLimitsAreRetried() throws Exception {
        standIn.clearCalls();
        standIn.faults()
                .failNext(1, 503, "/connections/sync")
                .rateLimitNext(1, 1, "/connections/sync")
                // a run's status comes from the job watcher's batched listing, so that is where reads fail
                .failNext(2, 502, "/jobs/list_for_workspaces")
                .rateLimitNext(1, null, "/jobs/list_for_workspaces");

        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));
        standIn.faults().clear();

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(standIn.calls())
                .filteredOn(call -> call.path().endsWith("/connections/sync"))
                .extracting(call -> call.responseStatus())
                .contains(503, 429, 200);
        assertThat(standIn.calls())
                .filteredOn(call -> call.path().contains("/jobs/list_for_workspaces"))
                .extracting(call -> call.responseStatus())
                .contains(502, 429, 200);
    }

    /** Airbyte versions put a job's counts in different places; a sync that moved rows never reads 0. */
    @ParameterizedTest
    @EnumSource(
            value = ServerBehaviours.StatsShape.class,
            names = {"TOTAL_STATS", "AGGREGATED_STATS", "ATTEMPT_COUNTS", "STREAM_STATS"})
    void rowsAndBytesAreReadFromEachStatsShape(ServerBehaviours.StatsShape shape) throws Exception {
        standIn.behaviours().statsShape(shape);
        try {
            JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));

            StandInJob job = standIn
                    .jobsOf(scenario.connectionNamed("Test", "orders (TEST)").id())
                    .stream()
                    .filter(j -> j.id() == run.path("jobId").asLong())
                    .findFirst()
                    .orElseThrow();
            assertThat(run.path("status").asText()).isEqualTo("succeeded");
            assertThat(run.path("rowsSynced").asLong()).isPositive().isEqualTo(job.rowsSynced());
            assertThat(run.path("bytesSynced").asLong()).isPositive();
        } finally {
            standIn.behaviours().statsShape(ServerBehaviours.StatsShape.ALL);
        }
    }

    /** Airbyte's JWTs can expire before expires_in says (airbytehq/airbyte#55784): renewed in time, no 401. */
    @Test
    void jwtTokensExpiringBeforeExpiresInAreRenewedBeforeTheirExp() throws Exception {
        standIn.behaviours().jwtExpiresEarlierBy(Duration.ofSeconds(1)); // expires_in 2 s, exp after 1 s
        try {
            int callsBefore = standIn.calls().size();
            // runs one after another until the app has renewed a JWT at least once: a run or two can fit in one
            // token's life, so a fixed number of runs proves nothing; every run must succeed meanwhile
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                assertThat(Runs.awaitOutcome(app, app.startRun("events"))
                                .path("status")
                                .asText())
                        .isEqualTo("succeeded");
                return tokenCallsSince(callsBefore) > 1;
            });

            assertThat(standIn.calls().subList(callsBefore, standIn.calls().size()))
                    .noneMatch(call -> call.responseStatus() == 401);
        } finally {
            standIn.behaviours().jwtExpiresEarlierBy(null);
        }
    }

    private static long tokenCallsSince(int index) {
        var calls = standIn.calls();
        return calls.subList(index, calls.size()).stream()
                .filter(call -> call.path().endsWith("/applications/token"))
                .count();
    }

    @Test
    void theSecretNeverShowsInRunsOrTheApi() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("typo"));

        assertThat(run.toString()).doesNotContain(SECRET);
        assertThat(app.get("/api/connections").body()).doesNotContain(SECRET);
    }
}
