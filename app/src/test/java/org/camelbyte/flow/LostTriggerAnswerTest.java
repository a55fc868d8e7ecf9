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
 * up with one job, also when the POST creates its job only after the next attempt first looked.
 */
class LostTriggerAnswerTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 50ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
              - { name: clicks, connection: clicks (TEST) }
            """;
    private final StandInScenario scenario = StandInScenario.fromYaml("""
            timeScale: 0.01
            workspaces:
              - {name: Test}
            connections:
              - name: orders (TEST)
                workspace: Test
                job: [{status: pending, seconds: 50}, {status: running, seconds: 100}, {status: succeeded}]
              - name: clicks (TEST)
                workspace: Test
                job: [{status: running, seconds: 10}, {status: succeeded}]
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
        startWithSlowJobCreation();

        assertOneJobFollowed("orders", "orders (TEST)");
    }

    /**
     * The POST waits in Airbyte's queue past the client timeout and the first retry (100 ms later) finds no job;
     * the job it then creates ends in 0.1 s, before a second POST would reach Airbyte, so Airbyte's 409 "already
     * running" would not refuse that one: only the run's own wait keeps Airbyte at one sync.
     */
    @Test
    void aPostThatCreatesItsJobAfterTheRetryLookedLeadsToOneJob() throws Exception {
        startWithSlowJobCreation();

        assertOneJobFollowed("clicks", "clicks (TEST)");
    }

    @Test
    void aPostWhoseConnectionDropsLeadsToOneJob() throws Exception {
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, PIPELINES).start();
        standIn.faults().dropNext(1, "/jobs");

        assertOneJobFollowed("orders", "orders (TEST)");
    }

    /** Every job POST takes 900 ms to create its job, and the app gives up on it after 300 ms. */
    private void startWithSlowJobCreation() throws Exception {
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, PIPELINES)
                .property("airbyte.request-timeout", "300ms")
                .start();
        standIn.faults().slowJobCreation(Duration.ofMillis(900));
    }

    /** The run succeeds, and once every POST it sent has reached Airbyte, its connection has one job: the run's. */
    private void assertOneJobFollowed(String pipeline, String connection) throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun(pipeline));
        Runs.awaitEveryJobPostHandled(app, standIn);

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(standIn.jobsOf(scenario.connectionNamed("Test", connection).id()))
                .singleElement()
                .satisfies(
                        job -> assertThat(job.id()).isEqualTo(run.path("jobId").asLong()));
    }
}
