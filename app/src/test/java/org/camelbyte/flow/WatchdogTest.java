package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-cause watchdogs through the real routes, against stand-in jobs that stall in each way (time x100). */
class WatchdogTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 50ms, timeout: 1m }
            pipelines:
              - name: stuck
                connection: stuck (TEST)
                watchdog: { pendingFor: 300ms, onPendingTooLong: cancel }
              - name: waiting
                connection: waiting (TEST)
                timeout: 1500ms
                watchdog: { pendingFor: 300ms, onPendingTooLong: warn, onTimeout: leave }
              - name: stalled
                connection: stalled (TEST)
                watchdog: { noProgressFor: 400ms, onNoProgress: cancel }
              - name: retrying
                connection: retrying (TEST)
                watchdog: { maxIncompleteAttempts: 2, onTooManyAttempts: cancel }
            """;
    private static StandInScenario scenario;
    private static AirbyteStandIn standIn;
    private static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        scenario = StandInScenario.fromYaml("""
                timeScale: 0.01
                workspaces:
                  - {name: Test}
                connections:
                  - name: stuck (TEST)
                    workspace: Test
                    job: [{status: pending, seconds: 100000}, {status: succeeded}]
                  - name: waiting (TEST)
                    workspace: Test
                    job: [{status: pending, seconds: 100000}, {status: succeeded}]
                  - name: stalled (TEST)
                    workspace: Test
                    job:
                      - {status: running, seconds: 20, rowsPerSecond: 100}
                      - {status: running, seconds: 100000, rowsPerSecond: 0}
                      - {status: succeeded}
                  - name: retrying (TEST)
                    workspace: Test
                    job:
                      - {status: running, seconds: 20}
                      - {status: incomplete, seconds: 30}
                      - {status: running, seconds: 20}
                      - {status: incomplete, seconds: 30}
                      - {status: running, seconds: 100000}
                      - {status: succeeded}
                """);
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, PIPELINES).start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void aJobPendingTooLongIsCancelledWhenThePolicySaysCancel() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("stuck"));

        assertThat(run.path("status").asText()).isEqualTo("cancelled");
        assertThat(run.path("error").asText())
                .contains("pending", "watchdog.pendingFor (300ms)", "cancelled in Airbyte");
        assertThat(onlyJob("stuck (TEST)").wasCancelled()).isTrue();
    }

    @Test
    void aWarningLeavesTheJobAndOnTimeoutLeaveDoesNotCancelIt() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("waiting"));

        assertThat(run.path("status").asText()).isEqualTo("timed_out");
        assertThat(run.path("error").asText()).contains("left running in Airbyte", "watchdog.onTimeout: leave");
        assertThat(onlyJob("waiting (TEST)").wasCancelled()).isFalse();
    }

    @Test
    void aRunningJobWithoutProgressIsCancelled() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("stalled"));

        assertThat(run.path("status").asText()).isEqualTo("cancelled");
        assertThat(run.path("error").asText()).contains("no progress", "watchdog.noProgressFor (400ms)");
        assertThat(run.path("rowsSynced").asLong()).isPositive();
        assertThat(onlyJob("stalled (TEST)").wasCancelled()).isTrue();
    }

    @Test
    void tooManyIncompleteAttemptsCancelTheJob() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("retrying"));

        assertThat(run.path("status").asText()).isEqualTo("cancelled");
        assertThat(run.path("error").asText()).contains("2 incomplete attempts", "watchdog.maxIncompleteAttempts (2)");
        assertThat(onlyJob("retrying (TEST)").wasCancelled()).isTrue();
    }

    private static StandInJob onlyJob(String connection) {
        var jobs = standIn.jobsOf(scenario.connectionNamed("Test", connection).id());
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }
}
