package org.camelbyte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.run.RunStatus;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stop with runs waiting between polls: it does not wait for them, leaves their records open and the
 * Airbyte jobs running (runs.on-stop: leave-running), or cancels the jobs and ends the runs (cancel).
 */
class StopPolicyTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 20s, timeout: 5m }
            pipelines:
              - { name: left, connection: left (TEST) }
              - { name: cancelled, connection: cancelled (TEST) }
            """;
    private static StandInScenario scenario;
    private static AirbyteStandIn standIn;

    @BeforeAll
    static void startStandIn() {
        String job = """
                    job:
                      - {status: running, seconds: 600}
                      - {status: succeeded}
                """;
        scenario = StandInScenario.fromYaml("""
                workspaces:
                  - {name: Test}
                connections:
                  - name: left (TEST)
                    workspace: Test
                """ + job + """
                  - name: cancelled (TEST)
                    workspace: Test
                """ + job);
        standIn = AirbyteStandIn.start(scenario, 0);
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @Test
    void aStopLeavesRunningJobsAloneAndTheRunOpen() throws Exception {
        TestApp app = TestApp.with(standIn, PIPELINES)
                .property("camel.main.shutdown-timeout", "1")
                .start();
        String runId = app.startRun("left");
        awaitFollowing(app, runId);

        long start = System.nanoTime();
        app.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took)
                .as("stop time with a run waiting 20 s for its next poll")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(RunRecords.column(app.stateJdbcUrl(), runId, "status")).isEqualTo("running");
        assertThat(standIn.jobsOf(connectionId("left (TEST)")))
                .singleElement()
                .satisfies(job -> assertThat(job.wasCancelled()).isFalse());
    }

    @Test
    void withOnStopCancelTheJobIsCancelledAndTheRunEnds() throws Exception {
        TestApp app = TestApp.with(standIn, PIPELINES)
                .property("camel.main.shutdown-timeout", "1")
                .property("runs.on-stop", "cancel")
                .start();
        String runId = app.startRun("cancelled");
        awaitFollowing(app, runId);

        app.close();

        assertThat(RunRecords.column(app.stateJdbcUrl(), runId, "status")).isEqualTo("cancelled");
        assertThat(RunRecords.column(app.stateJdbcUrl(), runId, "error")).contains("runs.on-stop: cancel");
        assertThat(standIn.jobsOf(connectionId("cancelled (TEST)")))
                .singleElement()
                .satisfies(job -> assertThat(job.wasCancelled()).isTrue());
    }

    private static void awaitFollowing(TestApp app, String runId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.runStore()
                        .find(runId)
                        .map(r -> r.getJobId() != null && r.getStatus() == RunStatus.RUNNING)
                        .orElse(false));
    }

    private static String connectionId(String name) {
        return scenario.connectionNamed("Test", name).id();
    }
}
