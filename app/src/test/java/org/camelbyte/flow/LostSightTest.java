package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code timed_out} only for a job known to run past the timeout: a run that lost sight of its job (Airbyte away
 * from before the deadline) says so in its waiting note, keeps looking, and ends as the job did.
 */
class LostSightTest {
    private final StandInScenario scenario = StandInScenario.fromYaml(OneConnection.scenario(100));
    private AirbyteStandIn standIn;
    private TestApp app;

    @AfterEach
    void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void aJobThatEndedWhileAirbyteWasAwayIsNotCalledTimedOut() throws Exception {
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, """
                        defaults: { pollInterval: 100ms, timeout: 2s }
                        pipelines:
                          - { name: orders, connection: orders (TEST) }
                        """)
                .property("airbyte.circuit-breaker.open-for", "500ms")
                .start();
        String runId = app.startRun("orders");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.run(runId).hasNonNull("jobId"));
        // Airbyte's server goes away while its job runs on and ends (1.5 s) before the run's deadline (2 s)
        standIn.stopHttp();

        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        app.run(runId).path("waiting").path("step").asText().equals("follow"));
        JsonNode waiting = app.run(runId);
        assertThat(waiting.path("status").asText()).isEqualTo("running");
        assertThat(waiting.path("waiting").path("error").asText())
                .startsWith("Lost sight of job " + waiting.path("jobId").asLong() + " on Airbyte: last seen ")
                .endsWith("the run keeps looking until Airbyte shows the job again and ends it then (timed_out"
                        + " only if the job is still running).");

        standIn.startHttp();
        JsonNode run = Runs.awaitOutcome(app, runId);
        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.has("waiting")).isFalse();
    }
}
