package org.camelbyte.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camelbyte.app.TestApp;
import org.camelbyte.app.TestPostgres;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A stalled warehouse delays only the runs that need it: one run's post-sync query is held by a lock while 200
 * runs of fast jobs, with post-sync checks of their own, reach their outcome.
 */
@Tag("load")
class SlowWarehouseTest {
    static final int FAST_PIPELINES = 10;
    static final int RUNS_EACH = 20;

    static AirbyteStandIn standIn;
    static TestApp app;
    static PGSimpleDataSource warehouse;

    @BeforeAll
    static void start() throws Exception {
        StringBuilder scenario = new StringBuilder("timeScale: 0.05\nworkspaces: [{name: Test}]\nconnections:\n");
        StringBuilder pipelines = new StringBuilder("defaults: { pollInterval: 100ms, timeout: 5m }\npipelines:\n");
        scenario.append(connection("slow"));
        pipelines.append(pipeline("slow", "select count(*) from raw.held"));
        for (int i = 1; i <= FAST_PIPELINES; i++) {
            scenario.append(connection("fast-" + i));
            pipelines.append(pipeline("fast-" + i, "select count(*) from raw.free"));
        }
        String url = TestPostgres.newDatabase("warehouse");
        warehouse = new PGSimpleDataSource();
        warehouse.setURL(url);
        warehouse.setUser("postgres");
        try (Connection c = warehouse.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA raw; CREATE TABLE raw.held (id int); CREATE TABLE raw.free (id int)");
        }
        standIn = AirbyteStandIn.start(StandInScenario.fromYaml(scenario.toString()), 0);
        app = TestApp.with(standIn, pipelines.toString())
                .property("datasource.warehouse.jdbc-url", url)
                // the starts are not what this test measures
                .property("runs.max-starts-per-second", "200")
                .start();
    }

    private static String connection(String name) {
        return """
                  - name: %s (TEST)
                    workspace: Test
                    namespace: raw
                    streams: [%s]
                    job:
                      - {status: running, seconds: 2, rowsPerSecond: 100}
                      - {status: succeeded}
                """.formatted(name, name.replace('-', '_'));
    }

    private static String pipeline(String name, String query) {
        return """
                  - name: %s
                    connection: %s (TEST)
                    postSync:
                      dataSource: warehouse
                      checks:
                        - { type: sql, name: nothing_wrong, query: "%s" }
                """.formatted(name, name, query);
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void runsOfFastJobsEndWhileOnePostSyncQueryIsHeld() throws Exception {
        try (Connection holder = warehouse.getConnection();
                Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("LOCK TABLE raw.held IN ACCESS EXCLUSIVE MODE");

            String slow = app.startRun("slow");
            await().atMost(Duration.ofSeconds(30)).until(() -> waitersOnHeldTable() > 0);
            assertThat(status(slow)).isEqualTo("post_sync");

            long started = System.nanoTime();
            List<String> fast = new ArrayList<>();
            for (int i = 1; i <= FAST_PIPELINES; i++) {
                for (int r = 0; r < RUNS_EACH; r++) {
                    fast.add(app.startRun("fast-" + i));
                }
            }
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> fast.stream().allMatch(runId -> isFinal(status(runId))));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(
                    "slow warehouse: %d runs of fast jobs reached their outcome in %d ms while one post-sync query"
                            + " was held%n",
                    fast.size(), tookMs);

            assertThat(fast).allSatisfy(runId -> assertThat(status(runId)).isEqualTo("succeeded"));
            assertThat(status(slow))
                    .as("the held run still waits for its query")
                    .isEqualTo("post_sync");
            assertThat(waitersOnHeldTable()).isPositive();

            holder.rollback();
            await().atMost(Duration.ofSeconds(30)).until(() -> isFinal(status(slow)));
            assertThat(status(slow)).isEqualTo("succeeded");
        }
    }

    /** From the state database: 200 runs read through the HTTP API every poll would measure the API instead. */
    private static String status(String runId) {
        return app.runStore().find(runId).orElseThrow().getStatus().wireName();
    }

    private static boolean isFinal(String status) {
        return !List.of("queued", "running", "post_sync").contains(status);
    }

    private static int waitersOnHeldTable() throws Exception {
        try (Connection c = warehouse.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'raw.held'::regclass")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
