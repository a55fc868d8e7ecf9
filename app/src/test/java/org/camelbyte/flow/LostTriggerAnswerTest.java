package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job-creating POST that times out or loses its answer: the run finds the job the POST made among the
 * connection's jobs numbered after the newest one it noted before the POST, and follows it; Airbyte ends
 * up with one job.
 */
class LostTriggerAnswerTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 50ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
            """;
    private final StandInScenario scenario = StandInScenario.fromYaml("""
            timeScale: 0.01
            workspaces:
              - {name: Test}
            connections:
              - name: orders (TEST)
                workspace: Test
                job: [{status: pending, seconds: 50}, {status: running, seconds: 100}, {status: succeeded}]
            """);
    private AirbyteStandIn standIn;
    private TestApp app;

    @AfterEach
    void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void aPostAnsweredPastTheClientTimeoutLeadsToOneJob() throws Exception {
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, PIPELINES)
                .property("airbyte.request-timeout", "300ms")
                // the first retry comes after Airbyte has created the job (as with the shipped 1 s first delay);
                // the tests' 100 ms made it race the 900 ms creation on a loaded machine: POSTs timing out until
                // the breaker opened and the retries ran out (never a second job: the stand-in answered 409)
                .property("runs.retry.first-delay", "2s")
                .property("runs.retry.max-delay", "4s")
                .start();
        standIn.faults().slowJobCreation(Duration.ofMillis(900));

        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(standIn.jobsOf(
                        scenario.connectionNamed("Test", "orders (TEST)").id()))
                .singleElement()
                .satisfies(
                        job -> assertThat(job.id()).isEqualTo(run.path("jobId").asLong()));
    }

    @Test
    void aPostWhoseConnectionDropsLeadsToOneJob() throws Exception {
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, PIPELINES).start();
        standIn.faults().dropNext(1, "/jobs");

        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(standIn.jobsOf(
                        scenario.connectionNamed("Test", "orders (TEST)").id()))
                .singleElement()
                .satisfies(
                        job -> assertThat(job.id()).isEqualTo(run.path("jobId").asLong()));
    }
}
