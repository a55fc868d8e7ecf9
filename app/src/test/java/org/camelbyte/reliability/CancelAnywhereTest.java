package org.camelbyte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.camelbyte.app.TestApp;
import org.camelbyte.config.Beans;
import org.camelbyte.intake.RunRequests;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/runs/{runId}/cancel} sent to an instance that does not follow the run, and to runs that
 * have no job yet: two instances on one state database, the stand-in, embedded PostgreSQL.
 */
class CancelAnywhereTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINES = """
            defaults: { pollInterval: 200ms, timeout: 5m }
            pipelines:
              - { name: slow, connection: slow (TEST) }
              - name: held
                connection: held (TEST)
                schedule: { cron: "0 0 0 1 1 ? 2099", whenBusy: queue }
            """;
    private static final StandInScenario SCENARIO = StandInScenario.fromYaml("""
            timeScale: 1.0
            workspaces:
              - {name: Test}
            connections:
              - {name: slow (TEST), workspace: Test, job: [{status: running, seconds: 100000, rowsPerSecond: 5}, {status: succeeded}]}
              - {name: held (TEST), workspace: Test, job: [{status: running, seconds: 100000, rowsPerSecond: 5}, {status: succeeded}]}
            """);
    private static AirbyteStandIn standIn;
    private static TestApp follower;
    private static TestApp other;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(SCENARIO, 0);
        follower = TestApp.with(standIn, PIPELINES).start();
        other = TestApp.with(standIn, PIPELINES)
                .sharingStateDatabaseWith(follower)
                .start();
    }

    @AfterAll
    static void stop() {
        other.close();
        follower.close();
        standIn.close();
    }

    @Test
    void aCancelSentToTheInstanceNotFollowingTheRunEndsItNamingWhoAsked() throws Exception {
        String runId = follower.startRun("slow");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> follower.run(runId).path("rowsSynced").asLong() > 0);
        NotifyBuilder loopEnded = new NotifyBuilder(follower.context())
                .fromCurrentRoute("pipeline-slow")
                .whenDone(1)
                .create();

        HttpResponse<String> answer = other.post("/api/runs/" + runId + "/cancel", "");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(loopEnded.matches(20, TimeUnit.SECONDS))
                .as("the following instance's loop ended the run")
                .isTrue();
        JsonNode run = follower.run(runId);
        assertThat(run.path("status").asText()).isEqualTo("cancelled");
        // before the note was kept with the run, the follower ended it "cancelled in Airbyte before it finished"
        assertThat(run.path("error").asText())
                .isEqualTo("Cancelled through the API by token: job "
                        + run.path("jobId").asLong() + "; it was cancelled in Airbyte.");
        assertThat(standIn.jobsOf(
                        SCENARIO.connectionNamed("Test", "slow (TEST)").id()))
                .singleElement()
                .satisfies(job -> assertThat(job.wasCancelled()).isTrue());
    }

    @Test
    void aHeldRunCancelledEndsAtOnceAndNeverMakesAnAirbyteJob() throws Exception {
        String ahead = follower.startRun("held");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> follower.run(ahead).path("jobId").isNumber());
        RunRequests requests =
                follower.context().getRegistry().lookupByNameAndType(Beans.RUN_REQUESTS, RunRequests.class);
        requests.scheduled("held", new Date());
        JsonNode heldRun = JSON.readTree(
                        follower.get("/api/runs?pipeline=held&status=queued").body())
                .path("runs")
                .get(0);
        String held = heldRun.path("runId").asText();

        JsonNode cancelled =
                JSON.readTree(other.post("/api/runs/" + held + "/cancel", "").body());

        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("error").asText())
                .isEqualTo("Cancelled through the API by token before its Airbyte job started; no job was made.");
        // the run ahead ends now: it lets go of the runs held behind it, and a cancelled one must not start
        assertThat(other.post("/api/runs/" + ahead + "/cancel", "").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        "cancelled".equals(follower.run(ahead).path("status").asText()));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> standIn.jobsOf(SCENARIO.connectionNamed("Test", "held (TEST)")
                                        .id())
                                .size()
                        == 1);
        JsonNode after = follower.run(held);
        assertThat(after.path("status").asText()).isEqualTo("cancelled");
        assertThat(after.path("jobId").isNull() || after.path("jobId").isMissingNode())
                .isTrue();
        assertThat(after.path("error").asText())
                .isEqualTo(cancelled.path("error").asText());
    }

    @Test
    void aSecondCancelAnswers409WithTheRunsOutcome() throws Exception {
        String runId = follower.startRun("slow");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> follower.run(runId).path("jobId").isNumber());
        assertThat(other.post("/api/runs/" + runId + "/cancel", "").statusCode())
                .isEqualTo(200);

        HttpResponse<String> again = other.post("/api/runs/" + runId + "/cancel", "");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("error").asText()).contains("already ended cancelled");
    }
}
