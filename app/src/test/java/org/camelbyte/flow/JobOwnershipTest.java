package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run follows only a job that is provably its own: a 409 adopts a running job of the same type only, and a
 * run resumed against another Airbyte instance is refused rather than following a stranger's job of that id.
 */
class JobOwnershipTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 50ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
              - { name: orders-reset, connection: orders (TEST), jobType: reset }
            """;
    private AirbyteStandIn standIn;
    private AirbyteStandIn otherStandIn;
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        standIn.close();
        if (otherStandIn != null) {
            otherStandIn.close();
        }
    }

    @Test
    void aResetMeetingARunningSyncIsNotMarkedSucceededOnTheSyncsJob() throws Exception {
        StandInScenario scenario = StandInScenario.fromYaml(OneConnection.scenario(300));
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, PIPELINES).start();
        String connectionId = scenario.connectionNamed("Test", "orders (TEST)").id();

        String sync = app.startRun("orders");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.run(sync).hasNonNull("jobId"));
        long syncJob = app.run(sync).path("jobId").asLong();
        JsonNode reset = Runs.awaitOutcome(app, app.startRun("orders-reset"));

        assertThat(reset.path("status").asText()).isEqualTo("failed");
        assertThat(reset.path("jobId").asLong(-1)).isNotEqualTo(syncJob);
        assertThat(reset.path("error").asText())
                .isEqualTo("Airbyte is already running a sync job (id " + syncJob + ") on connection " + connectionId
                        + "; a reset cannot start on connection " + connectionId + " until it ends, so retry later.");
        // the sync itself is untouched and ends as its own run
        assertThat(Runs.awaitOutcome(app, sync).path("status").asText()).isEqualTo("succeeded");
        assertThat(standIn.jobsOf(connectionId)).extracting(StandInJob::jobType).containsExactly("sync");
    }

    /** The Config API's reset never answers 409: Airbyte cancels the running sync and starts the reset. */
    @Test
    void onTheConfigApiAResetFollowsItsOwnJobNotTheSyncItReplaced() throws Exception {
        StandInScenario scenario = StandInScenario.fromYaml(OneConnection.scenario(300));
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, PIPELINES)
                .property("airbyte.api", "config")
                .property("airbyte.url", standIn.configApiUrl())
                .start();
        String connectionId = scenario.connectionNamed("Test", "orders (TEST)").id();

        String sync = app.startRun("orders");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.run(sync).hasNonNull("jobId"));
        long syncJob = app.run(sync).path("jobId").asLong();
        JsonNode reset = Runs.awaitOutcome(app, app.startRun("orders-reset"));

        assertThat(reset.path("status").asText()).isEqualTo("succeeded");
        assertThat(reset.path("jobId").asLong()).isNotEqualTo(syncJob);
        assertThat(standIn.jobsOf(connectionId))
                .filteredOn(job -> job.id() == reset.path("jobId").asLong())
                .extracting(StandInJob::jobType)
                .containsExactly("reset");
        assertThat(Runs.awaitOutcome(app, sync).path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aRunResumedOnAnotherAirbyteInstanceIsRefused() throws Exception {
        StandInScenario scenario = StandInScenario.fromYaml(OneConnection.scenario(3000));
        standIn = AirbyteStandIn.start(scenario, 0);
        TestApp first = TestApp.with(standIn, PIPELINES).start();
        String runId = first.startRun("orders");
        await().atMost(Duration.ofSeconds(20)).until(() -> first.run(runId).hasNonNull("jobId"));
        long jobId = first.run(runId).path("jobId").asLong();
        first.close();

        // the same state database, now pointed at another Airbyte that has a job of the same id on its own
        otherStandIn = AirbyteStandIn.start(scenario, 0);
        // it has ended jobs of its own, numbered from 1 like the first one's: a job of the same id, succeeded
        otherStandIn.seedHistory(5, Duration.ofDays(1));
        app = TestApp.with(otherStandIn, PIPELINES).sameStateAs(first).start();
        JsonNode run = Runs.awaitOutcome(app, runId);

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("jobId").asLong()).isEqualTo(jobId);
        assertThat(run.path("error").asText())
                .isEqualTo("Job " + jobId + " of this run lives on Airbyte " + standIn.publicApiUrl()
                        + ", not on the configured " + otherStandIn.publicApiUrl()
                        + ", so it is not followed; point airbyte.url (and airbyte.workspace) back at that instance"
                        + " to resume it, or start a new run.");
        assertThat(otherStandIn.jobsCreated()).isEqualTo(5);
    }

    /**
     * A record from before the instance was noted points at a server where its job id is another connection's job:
     * the snapshot's connection tells, and the run fails instead of reporting that job's outcome.
     */
    @Test
    void aJobOfAnotherConnectionIsNotFollowed() throws Exception {
        StandInScenario scenario = StandInScenario.fromYaml(OneConnection.scenario(3000));
        standIn = AirbyteStandIn.start(scenario, 0);
        TestApp first = TestApp.with(standIn, PIPELINES).start();
        String runId = first.startRun("orders");
        await().atMost(Duration.ofSeconds(20)).until(() -> first.run(runId).hasNonNull("jobId"));
        long jobId = first.run(runId).path("jobId").asLong();
        String connectionId = first.run(runId).path("connectionId").asText();
        first.close();
        try (Connection c = DriverManager.getConnection(first.stateJdbcUrl(), "postgres", null);
                Statement update = c.createStatement()) {
            update.executeUpdate("UPDATE runs SET airbyte_instance = NULL");
        }

        // another server whose job 1 is a sync of another connection
        StandInScenario other = StandInScenario.fromYaml("""
                timeScale: 0.01
                workspaces:
                  - {name: Test}
                connections:
                  - {name: billing (TEST), workspace: Test}
                  - {name: orders (TEST), workspace: Test}
                """);
        otherStandIn = AirbyteStandIn.start(other, 0);
        otherStandIn.seedHistory(2, Duration.ofDays(1));
        String billing = other.connectionNamed("Test", "billing (TEST)").id();
        app = TestApp.with(otherStandIn, PIPELINES).sameStateAs(first).start();
        JsonNode run = Runs.awaitOutcome(app, runId);

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText())
                .isEqualTo("Airbyte's job " + jobId + " belongs to connection " + billing
                        + ", not to this run's connection " + connectionId
                        + ", so its outcome is not this run's; check that airbyte.url points at the Airbyte this run"
                        + " started on, and start a new run.");
    }

    /**
     * The state database pointed at a new Airbyte: a lost answer's job there may have the id an old run's job had
     * on the old one. That old run does not claim it, so the run adopts its own job rather than POSTing again.
     */
    @Test
    void aLostAnswerOnANewInstanceAdoptsItsJobThoughAnOldRunHadThatId() throws Exception {
        StandInScenario scenario = StandInScenario.fromYaml(OneConnection.scenario(30));
        standIn = AirbyteStandIn.start(scenario, 0);
        TestApp first = TestApp.with(standIn, PIPELINES).start();
        assertThat(Runs.awaitOutcome(first, first.startRun("orders"))
                        .path("jobId")
                        .asLong())
                .isEqualTo(1);
        first.close();

        otherStandIn = AirbyteStandIn.start(scenario, 0);
        // the job exists at once, its answer comes after the client gave up; it ends before the retry
        otherStandIn.faults().slowJobAnswer(Duration.ofMillis(1500));
        app = TestApp.with(otherStandIn, PIPELINES)
                .sameStateAs(first)
                .property("airbyte.request-timeout", "500ms")
                .property("runs.retry.first-delay", "2s")
                .property("runs.retry.max-delay", "4s")
                .start();
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));

        assertThat(run.path("status").asText()).as(run.path("error").asText()).isEqualTo("succeeded");
        assertThat(run.path("jobId").asLong()).isEqualTo(1);
        assertThat(otherStandIn.jobsCreated()).isEqualTo(1);
    }
}
