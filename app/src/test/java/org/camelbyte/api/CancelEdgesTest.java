package org.camelbyte.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.app.TestPostgres;
import org.camelbyte.flow.Runs;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The cancel's edges, as an operator sees them: a run in post_sync (409), Airbyte refusing the cancel (502, the
 * run goes on), a queued run cancelled while its connection lookup is under way (no job, ever), and the same
 * run whose lookup then fails for good (it stays cancelled, with one outcome). The real app, the stand-in over
 * HTTP, embedded PostgreSQL for state and warehouse; every answer checked against the OpenAPI document.
 */
class CancelEdgesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - name: checked
                connection: quick (TEST)
                postSync:
                  dataSource: warehouse
                  analyze: [public.gate]
                  checks:
                    - { type: sql, name: gate_empty, query: "select count(*) from gate" }
              - { name: finishing, connection: finishing (TEST) }
              - { name: unstarted, connection: unstarted (TEST) }
              - { name: doomed, connection: doomed (TEST) }
            """;
    private static final StandInScenario SCENARIO = StandInScenario.fromYaml("""
            timeScale: 1.0
            workspaces:
              - {name: Test}
            connections:
              - {name: quick (TEST), workspace: Test, job: [{status: running, seconds: 1, rowsPerSecond: 10}, {status: succeeded}]}
              - {name: finishing (TEST), workspace: Test, job: [{status: running, seconds: 5, rowsPerSecond: 5}, {status: succeeded}]}
              - {name: unstarted (TEST), workspace: Test, job: [{status: running, seconds: 100000}, {status: succeeded}]}
              - {name: doomed (TEST), workspace: Test, job: [{status: running, seconds: 100000}, {status: succeeded}]}
            """);
    private static final String NO_JOB_NOTE =
            "Cancelled through the API by token before its Airbyte job started; no job was made.";
    private static AirbyteStandIn standIn;
    private static TestApp app;
    private static CamelbyteContract api;
    private static PGSimpleDataSource warehouse;

    @BeforeAll
    static void start() throws Exception {
        String url = TestPostgres.newDatabase("warehouse");
        warehouse = new PGSimpleDataSource();
        warehouse.setURL(url);
        warehouse.setUser("postgres");
        try (Connection c = warehouse.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE gate (id int)");
        }
        standIn = AirbyteStandIn.start(SCENARIO, 0);
        app = TestApp.with(standIn, PIPELINES)
                .property("datasource.warehouse.jdbc-url", url)
                // every run lists the connections, so a fault on that listing holds a run in its lookup, queued
                .property("airbyte.lookup-cache-ttl", "1ms")
                // a lookup failing with 500s is retried every second, eight times, then fails the run for good
                .property("runs.retry.first-delay", "1s")
                .property("runs.retry.max-delay", "1s")
                .property("runs.retry.max-attempts", "8")
                .start();
        api = new CamelbyteContract(app);
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @AfterEach
    void noFaultsLeft() {
        standIn.faults().clear();
        assertThat(api.violations()).isEmpty();
    }

    @Test
    void aRunInPostSyncAnswers409SayingItsChecksAreRunningAndEndsOnItsOwn() throws Exception {
        String runId;
        try (Connection holder = warehouse.getConnection();
                Statement lock = holder.createStatement()) {
            // the post-sync step's ANALYZE and its check wait on this lock until the test lets go
            holder.setAutoCommit(false);
            lock.execute("LOCK TABLE gate IN ACCESS EXCLUSIVE MODE");
            runId = app.startRun("checked");
            String id = runId;
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "post_sync".equals(app.run(id).path("status").asText()));

            JsonNode conflict = json(api.post("/api/runs/" + runId + "/cancel", ""), 409);

            assertThat(conflict.path("status").asText()).isEqualTo("post_sync");
            assertThat(conflict.path("error").asText())
                    .isEqualTo("Run " + runId + " is post_sync: its sync has finished and its post-sync checks are"
                            + " running; they end on their own, and there is no Airbyte job left to cancel.");
            assertThat(app.run(runId).path("status").asText()).isEqualTo("post_sync");
            holder.commit();
        }
        JsonNode run = Runs.awaitOutcome(app, runId);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.at("/postSync/checks").findValuesAsText("name")).containsExactly("gate_empty");
        assertThat(app.runStore().cancelNote(runId)).isEmpty();
    }

    @Test
    void airbyteRefusingTheCancelAnswers502AndTheRunFollowsItsJobToItsRealOutcome() throws Exception {
        String runId = app.startRun("finishing");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> app.run(runId).path("jobId").isNumber());
        long jobId = app.run(runId).path("jobId").asLong();
        standIn.faults().failNext(1, 403, "/jobs/" + jobId);

        JsonNode refused = json(api.post("/api/runs/" + runId + "/cancel", ""), 502);

        assertThat(refused.path("status").asText()).isEqualTo("running");
        assertThat(refused.path("error").asText())
                .startsWith("Airbyte did not cancel job " + jobId + " of run " + runId + " (Airbyte refused DELETE ")
                .contains("/jobs/" + jobId + " with 403", "Injected fault 403")
                .endsWith("the run goes on following it. Try again, or cancel the job in Airbyte.");
        assertThat(app.run(runId).path("status").asText()).isEqualTo("running");
        JsonNode run = Runs.awaitOutcome(app, runId);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.path("error").isNull() || run.path("error").isMissingNode())
                .as(run.toString())
                .isTrue();
        assertThat(run.path("rowsSynced").asLong()).isPositive();
        assertThat(app.runStore().cancelNote(runId)).isEmpty();
        assertThat(standIn.jobsOf(connectionId("finishing (TEST)")))
                .singleElement()
                .satisfies(job -> assertThat(job.wasCancelled()).isFalse());
    }

    @Test
    void aQueuedRunCancelledDuringItsLookupNeverMakesAJob() throws Exception {
        holdInLookupAndCancel("unstarted");
        // the lookup answers now: the start finds the run ended and makes no job
        standIn.faults().clear();

        awaitRouteEnded("unstarted");
        assertThat(standIn.jobsOf(connectionId("unstarted (TEST)"))).isEmpty();
        JsonNode run = onlyRunOf("unstarted");
        assertThat(run.path("status").asText()).isEqualTo("cancelled");
        assertThat(run.path("error").asText()).isEqualTo(NO_JOB_NOTE);
        assertThat(run.path("jobId").isNull() || run.path("jobId").isMissingNode())
                .isTrue();
        assertThat(outcomes("unstarted", "cancelled")).isEqualTo(1);
        assertThat(outcomes("unstarted", null)).isEqualTo(1);
    }

    /**
     * The race: the cancel ends the queued run while its lookup is being retried; the retries are then used up and
     * the lookup fails for good. The failure step's ending used to overwrite {@code cancelled} with {@code failed}
     * and publish a second outcome. The cancel lands a few milliseconds after the first failed try, the retries
     * are used up eight seconds after it: a margin, not a latch (the stand-in's faults cannot hold a call until
     * released), and ample on a loaded machine. (A non-retried failure after retried ones is redelivered all the
     * same, so switching the fault to a 403 does not end the retries sooner.)
     */
    @Test
    void aCancelledRunWhoseLookupThenFailsForGoodStaysCancelledWithOneOutcome() throws Exception {
        holdInLookupAndCancel("doomed");

        awaitRouteEnded("doomed");

        JsonNode run = onlyRunOf("doomed");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("cancelled");
        assertThat(run.path("error").asText()).isEqualTo(NO_JOB_NOTE);
        assertThat(standIn.jobsOf(connectionId("doomed (TEST)"))).isEmpty();
        assertThat(outcomes("doomed", "failed")).isZero();
        assertThat(outcomes("doomed", null)).isEqualTo(1);
    }

    /**
     * Starts a run of the pipeline whose connection lookup keeps failing with 500s (retried, so the run sits
     * queued with no job-creating request out) and cancels it.
     */
    private static void holdInLookupAndCancel(String pipeline) throws Exception {
        int before = standIn.faults().injected();
        standIn.faults().failNext(1_000_000, 500, "/connections");
        String runId = app.startRun(pipeline);
        await().atMost(Duration.ofSeconds(20)).until(() -> standIn.faults().injected() > before);
        assertThat(app.run(runId).path("status").asText()).isEqualTo("queued");
        assertThat(inRoute(pipeline))
                .as("the run's exchange, retrying its lookup")
                .isEqualTo(1);

        JsonNode cancelled = json(api.post("/api/runs/" + runId + "/cancel", ""), 200);

        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("error").asText()).isEqualTo(NO_JOB_NOTE);
    }

    /**
     * Until the run's exchange has left its pipeline's route, whichever way: a NotifyBuilder made while the
     * exchange waited for a redelivery matched long before it ended.
     */
    private static void awaitRouteEnded(String pipeline) {
        await().atMost(Duration.ofSeconds(20)).until(() -> inRoute(pipeline) == 0);
    }

    private static int inRoute(String pipeline) {
        return app.context().getInflightRepository().size("pipeline-" + pipeline);
    }

    private static JsonNode onlyRunOf(String pipeline) throws Exception {
        JsonNode runs =
                JSON.readTree(app.get("/api/runs?pipeline=" + pipeline).body()).path("runs");
        assertThat(runs).hasSize(1);
        return app.run(runs.get(0).path("runId").asText());
    }

    /** Outcomes published for the pipeline (camelbyte_runs_total), of one status or (null) all. */
    private static double outcomes(String pipeline, String status) {
        MeterRegistry registry = app.context().getRegistry().findSingleByType(MeterRegistry.class);
        var search = registry.find("camelbyte.runs").tag("pipeline", pipeline);
        if (status != null) {
            search = search.tag("status", status);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private static String connectionId(String name) {
        return SCENARIO.connectionNamed("Test", name).id();
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
