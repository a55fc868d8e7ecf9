package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A flood of runs waiting for their turn to start (runs.max-starts-per-second) holds none of the threads that
 * wake running jobs' runs: a run whose job ends reaches its outcome at once, while most of the flood has not
 * started yet, even with a single scheduler thread.
 */
class StartFloodTest {
    private static final int FLOOD = 60;
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 5m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
              - { name: flood, connection: flood (TEST) }
            """;
    private static final String SCENARIO = """
            timeScale: 0.01
            workspaces:
              - {name: Test}
            connections:
              - name: orders (TEST)
                workspace: Test
                job: [{status: running, seconds: 100}, {status: succeeded}]
              - name: flood (TEST)
                workspace: Test
                job: [{status: running, seconds: 6000}, {status: succeeded}]
            """;
    static AirbyteStandIn standIn;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.fromYaml(SCENARIO), 0);
        app = TestApp.with(standIn, PIPELINES)
                .property("runs.max-starts-per-second", "5")
                .property("runs.concurrent-starts", "2")
                .property("runs.scheduler-threads", "1")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void aRunWhoseJobEndsIsNotQueuedBehindRunsWaitingToStart() throws Exception {
        String orders = app.startRun("orders");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> app.run(orders).path("jobId").asLong() > 0);
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            flood.add(app.startRun("flood"));
        }

        // its job runs a second; the flood takes 12 s to start at 5 a second
        JsonNode ended = Runs.awaitOutcome(app, orders, Duration.ofSeconds(30));
        long notStarted = flood.stream()
                .filter(runId -> app.runStore().find(runId).orElseThrow().getJobId() == null)
                .count();

        assertThat(ended.path("status").asText()).isEqualTo("succeeded");
        assertThat(notStarted)
                .as("flood runs not started yet when the orders run ended")
                .isGreaterThanOrEqualTo(FLOOD / 2);
    }
}
