package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On the embedded defaults the stand-in listens on a new port at each start: the run record's Airbyte instance is
 * the stand-in's own id, kept with its jobs in the data dir, so a restarted app resumes its runs on it.
 */
class EmbeddedStandInResumeTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
            """;
    private AirbyteStandIn unused;
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        unused.close();
    }

    @Test
    void aRestartedAppResumesItsRunOnTheEmbeddedStandIn() throws Exception {
        Path scenario = Files.createTempFile("embedded-scenario", ".yaml");
        Files.writeString(scenario, OneConnection.scenario(600));
        // the test app needs a stand-in to point at; the empty airbyte.url below starts the embedded one instead
        unused = AirbyteStandIn.start(StandInScenario.fromYaml("connections: []"), 0);
        TestApp first = TestApp.with(unused, PIPELINES)
                .property("airbyte.url", "")
                .property("standin.scenario", scenario.toString())
                .start();
        String runId = first.startRun("orders");
        await().atMost(Duration.ofSeconds(20)).until(() -> first.run(runId).hasNonNull("jobId"));
        long jobId = first.run(runId).path("jobId").asLong();
        first.close();

        app = TestApp.with(unused, PIPELINES)
                .property("airbyte.url", "")
                .property("standin.scenario", scenario.toString())
                .sameStateAs(first)
                .start();
        JsonNode run = Runs.awaitOutcome(app, runId);

        assertThat(run.path("status").asText()).as(run.path("error").asText()).isEqualTo("succeeded");
        assertThat(run.path("jobId").asLong()).isEqualTo(jobId);
    }
}
