package org.camelbyte.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camelbyte.standin.StandInClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StandInJobsTest {

    private AirbyteStandIn standIn;
    private StandInClient client;

    @BeforeEach
    void start() {
        standIn = AirbyteStandIn.start(TestScenarios.fast(), 0);
        client = new StandInClient(standIn);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    /**
     * The stand-in answers as fast as a real Airbyte: its JDK server wrote an answer's headers and body apart and
     * waited for the client's delayed ACK in between, some 40 ms a call on a kept-alive connection, which made
     * every client of it (the app, the benchmark's poller) look slower than it is against Airbyte.
     */
    @Test
    void callsOnOneConnectionDoNotWaitForDelayedAcks() {
        int calls = 25;
        // the connection, and the classes of both sides, before the clock starts
        assertThat(client.publicGet("/jobs").statusCode()).isEqualTo(200);
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            assertThat(client.publicGet("/jobs").statusCode()).isEqualTo(200);
        }
        // with the delayed ACK, at least 25 x 40 ms = 1 s; without, a few ms a call even on a busy machine
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(calls * 20L));
    }

    @Test
    void publicSyncGoesThroughIncompleteToSucceededWithTwoAttempts() {
        List<FinishedSync> finished = new CopyOnWriteArrayList<>();
        standIn.onJobSucceeded(finished::add);
        HttpResponse<String> created = client.publicPost("/jobs", sync(TestScenarios.FLAKY));
        assertThat(created.statusCode()).isEqualTo(200);
        long jobId = json(created).get("jobId").asLong();

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> standIn.jobsOf(TestScenarios.FLAKY).get(0).status().equals("incomplete"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> status(client.publicGet("/jobs/" + jobId)).equals("succeeded"));

        JsonNode job = json(client.publicGet("/jobs/" + jobId));
        assertThat(job.get("rowsSynced").asLong()).isEqualTo(2500);
        assertThat(job.get("bytesSynced").asLong()).isEqualTo(500_000);
        assertThat(job.has("lastUpdatedAt")).isTrue();
        assertThat(job.get("duration").asText()).startsWith("PT");
        JsonNode info = json(client.configPost("/jobs/get", "{\"id\":" + jobId + "}"));
        assertThat(info.get("attempts")).hasSize(2);
        assertThat(info.at("/attempts/0/attempt/failureSummary/failures/0/externalMessage")
                        .asText())
                .isEqualTo("Source timed out");
        assertThat(info.at("/attempts/1/attempt/streamStats")).hasSize(2);
        assertThat(finished).singleElement().satisfies(f -> {
            assertThat(f.connectionName()).isEqualTo("flaky (PROD)");
            assertThat(f.workspaceName()).isEqualTo("Production");
            assertThat(f.namespace()).isEqualTo("raw");
            assertThat(f.prefix()).isEqualTo("fl_");
            assertThat(f.streams()).extracting(StreamRows::stream).containsExactly("customers", "orders");
            assertThat(f.streams().stream().mapToLong(StreamRows::rows).sum()).isEqualTo(2500);
        });
    }

    @Test
    void failedJobReportsItsFailureOnTheConfigApi() {
        long jobId = json(client.configPost("/connections/sync", "{\"connectionId\":\"" + TestScenarios.BROKEN + "\"}"))
                .at("/job/id")
                .asLong();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> json(client.configPost("/jobs/get_light", "{\"id\":" + jobId + "}"))
                        .at("/job/status")
                        .asText()
                        .equals("failed"));
        JsonNode info = json(client.configPost("/jobs/get_without_logs", "{\"id\":" + jobId + "}"));
        assertThat(info.at("/attempts/0/attempt/failureSummary/failures/0/externalMessage")
                        .asText())
                .isEqualTo("Destination quota exceeded");
    }

    @Test
    void secondSyncWhileOneRunsIsRefusedOnBothApis() {
        long running = json(client.publicPost("/jobs", sync(TestScenarios.SLOW)))
                .get("jobId")
                .asLong();

        HttpResponse<String> publicConflict = client.publicPost("/jobs", sync(TestScenarios.SLOW));
        assertThat(publicConflict.statusCode()).isEqualTo(409);
        assertThat(json(publicConflict).get("title").asText()).isEqualTo("try-again-later");
        assertThat(json(publicConflict).at("/data/message").asText())
                .isEqualTo("A sync is already running for: " + TestScenarios.SLOW);

        HttpResponse<String> configConflict =
                client.configPost("/connections/sync", "{\"connectionId\":\"" + TestScenarios.SLOW + "\"}");
        assertThat(configConflict.statusCode()).isEqualTo(409);
        assertThat(json(configConflict).get("message").asText())
                .isEqualTo("A sync is already running for: " + TestScenarios.SLOW);
        assertThat(standIn.jobsOf(TestScenarios.SLOW))
                .extracting(StandInJob::id)
                .containsExactly(running);
    }

    @Test
    void inactiveConnectionCannotSync() {
        HttpResponse<String> viaPublic = client.publicPost("/jobs", sync(TestScenarios.IDLE));
        assertThat(viaPublic.statusCode()).isEqualTo(409);
        assertThat(json(viaPublic).get("title").asText()).isEqualTo("state-conflict");
        HttpResponse<String> viaConfig =
                client.configPost("/connections/sync", "{\"connectionId\":\"" + TestScenarios.IDLE + "\"}");
        assertThat(viaConfig.statusCode()).isEqualTo(500);
        assertThat(json(viaConfig).get("message").asText()).contains("Can only sync an active connection");
        assertThat(standIn.jobsCreated()).isZero();
    }

    @Test
    void refreshIsUnprocessable() {
        assertThat(client.publicPost(
                                "/jobs", "{\"connectionId\":\"" + TestScenarios.FLAKY + "\",\"jobType\":\"refresh\"}")
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void cancelStopsTheJobAndCancellingAFinishedJobIsFine() {
        long jobId = json(client.publicPost("/jobs", sync(TestScenarios.SLOW)))
                .get("jobId")
                .asLong();
        JsonNode cancelled = json(client.publicDelete("/jobs/" + jobId));
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        HttpResponse<String> again = client.configPost("/jobs/cancel", "{\"id\":" + jobId + "}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).at("/job/status").asText()).isEqualTo("cancelled");
    }

    @Test
    void configResetCancelsTheRunningSyncInsteadOfConflicting() {
        long syncId = json(client.publicPost("/jobs", sync(TestScenarios.SLOW)))
                .get("jobId")
                .asLong();
        HttpResponse<String> reset =
                client.configPost("/connections/reset", "{\"connectionId\":\"" + TestScenarios.SLOW + "\"}");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(json(reset).at("/job/configType").asText()).isEqualTo("reset_connection");
        assertThat(standIn.jobsOf(TestScenarios.SLOW).get(0).status()).isEqualTo("cancelled");
        assertThat(standIn.jobsOf(TestScenarios.SLOW).get(0).id()).isEqualTo(syncId);
    }

    @Test
    void unknownJobIs404OnPublicAnd500OnConfig() {
        assertThat(client.publicGet("/jobs/999").statusCode()).isEqualTo(404);
        assertThat(client.configPost("/jobs/get", "{\"id\":999}").statusCode()).isEqualTo(500);
    }

    @Test
    void jobListFiltersAndOrders() {
        long first = json(client.publicPost("/jobs", sync(TestScenarios.BROKEN)))
                .get("jobId")
                .asLong();
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        standIn.jobsOf(TestScenarios.BROKEN).get(0).status().equals("failed"));
        long second = json(client.publicPost("/jobs", sync(TestScenarios.BROKEN)))
                .get("jobId")
                .asLong();

        JsonNode oldestFirst = json(client.publicGet("/jobs?connectionId=" + TestScenarios.BROKEN));
        assertThat(oldestFirst.get("data"))
                .extracting(j -> j.get("jobId").asLong())
                .containsExactly(first, second);
        JsonNode newestFirst =
                json(client.publicGet("/jobs?connectionId=" + TestScenarios.BROKEN + "&orderBy=createdAt%7CDESC"));
        assertThat(newestFirst.get("data"))
                .extracting(j -> j.get("jobId").asLong())
                .containsExactly(second, first);
        JsonNode failedOnly = json(client.publicGet("/jobs?connectionId=" + TestScenarios.BROKEN + "&status=failed"));
        assertThat(failedOnly.get("data"))
                .extracting(j -> j.get("jobId").asLong())
                .contains(first);

        JsonNode configList = json(client.configPost(
                "/jobs/list",
                "{\"configTypes\":[\"sync\"],\"configId\":\"" + TestScenarios.BROKEN
                        + "\",\"pagination\":{\"pageSize\":1,\"rowOffset\":0}}"));
        assertThat(configList.get("totalJobCount").asInt()).isEqualTo(2);
        assertThat(configList.at("/jobs/0/job/id").asLong()).isEqualTo(second);
    }

    private static String sync(String connectionId) {
        return "{\"connectionId\":\"" + connectionId + "\",\"jobType\":\"sync\"}";
    }

    private static String status(HttpResponse<String> response) {
        return json(response).get("status").asText();
    }
}
