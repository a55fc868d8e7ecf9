package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run through the real app against an Airbyte whose clock is five minutes behind ours and which shows its
 * times to the minute: the job watcher's listings still report the job's end, so the run ends promptly, not
 * through the single read that follows a job the listings leave out (set to an hour here).
 */
class ServerClockBehindTest {
    static AirbyteStandIn standIn;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
        standIn.behaviours().clockSkew(Duration.ofMinutes(-5)).minuteTimestamps(true);
        app = TestApp.with(standIn, """
                        defaults: { pollInterval: 100ms, timeout: 1h }
                        pipelines:
                          - { name: orders, connection: orders (TEST) }
                        """)
                .property("airbyte.watch.single-read-after", "1h")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void aRunEndsPromptlyWhenAirbytesClockIsFiveMinutesBehind() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"), Duration.ofSeconds(30));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        StandInJob job = standIn.jobsOf(run.path("connectionId").asText()).get(0);
        Duration lag = Duration.between(
                job.endedAt().orElseThrow(), Instant.parse(run.path("endedAt").asText()));
        // a loaded machine gets a few seconds; the single read would come after an hour
        assertThat(lag).as("job end to the run's terminal record").isLessThan(Duration.ofSeconds(5));
        assertThat(standIn.callCounts().getOrDefault("GET /api/public/v1/jobs/{id}", 0L))
                .as("no single reads")
                .isZero();
    }
}
