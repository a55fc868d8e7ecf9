package org.camelbyte.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camelbyte.app.TestApp;
import org.camelbyte.config.Beans;
import org.camelbyte.intake.RunRequests;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/**
 * {@code whenBusy: queue}: a firing while the pipeline's run goes is held, and starts its job only once that
 * run has ended, whatever else ends meanwhile. Every run's end looks for held runs (through their own index).
 */
class HeldRunReleaseTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 200ms, timeout: 5m }
            pipelines:
              - name: nightly
                connection: nightly (TEST)
                schedule: { cron: "0 0 0 1 1 ? 2099", whenBusy: queue }
              - { name: other, connection: other (TEST) }
            """;
    private static final StandInScenario SCENARIO = StandInScenario.fromYaml("""
            timeScale: 1.0
            workspaces:
              - {name: Test}
            connections:
              - {name: nightly (TEST), workspace: Test, job: [{status: running, seconds: 6, rowsPerSecond: 5}, {status: succeeded}]}
              - {name: other (TEST), workspace: Test, job: [{status: running, seconds: 1}, {status: succeeded}]}
            """);

    @Test
    void aHeldFiringStartsOnlyAfterTheRunAheadOfItEnds() throws Exception {
        try (AirbyteStandIn standIn = AirbyteStandIn.start(SCENARIO, 0);
                TestApp app = TestApp.with(standIn, PIPELINES).start()) {
            String ahead = app.startRun("nightly");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> app.run(ahead).path("jobId").isNumber());
            RunRequests requests =
                    app.context().getRegistry().lookupByNameAndType(Beans.RUN_REQUESTS, RunRequests.class);
            requests.scheduled("nightly", new Date());
            String held = heldRunId(app);
            // a run of another pipeline ending looks for held runs too, and must leave this one held
            String other = app.startRun("other");
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            "succeeded".equals(app.run(other).path("status").asText()));
            assertThat(app.run(held).path("status").asText()).isEqualTo("queued");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "succeeded".equals(app.run(held).path("status").asText()));

            List<StandInJob> jobs = standIn.jobsOf(
                    SCENARIO.connectionNamed("Test", "nightly (TEST)").id());
            assertThat(jobs).hasSize(2);
            Instant aheadEnded = jobs.get(0).endedAt().orElseThrow();
            assertThat(jobs.get(1).createdAt())
                    .as("the held run's job was created after the job ahead of it ended")
                    .isAfterOrEqualTo(aheadEnded);
            assertThat(app.run(ahead).path("status").asText()).isEqualTo("succeeded");
        }
    }

    private static String heldRunId(TestApp app) throws Exception {
        JsonNode runs = app.getJson("/api/runs?pipeline=nightly&status=queued").path("runs");
        assertThat(runs).as("the firing is recorded, held").hasSize(1);
        return runs.get(0).path("runId").asText();
    }
}
