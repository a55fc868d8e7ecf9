package org.camelbyte.poststepflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.app.TestPostgres;
import org.camelbyte.embedded.DemoWarehouse;
import org.camelbyte.flow.Runs;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Post-sync steps through the real routes: the stand-in's syncs land real rows in a real PostgreSQL
 * warehouse, which the run then analyzes and checks.
 */
class PostSyncFlowTest {
    static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - name: orders
                connection: orders (TEST)
                postSync:
                  dataSource: warehouse
                  checks:
                    - { type: rows_synced_min, min: 1 }
                    - { type: row_count, table: raw.orders, min: 1 }
                    - { type: not_null, table: raw.orders, columns: [id, status] }
                    - { type: unique, table: raw.orders, columns: [id] }
                    - { type: accepted_values, table: raw.orders, column: status, values: [new, paid, shipped] }
                    - { type: freshness, table: raw.orders, column: updated_at, maxAge: 1h }
                    - { type: row_count_change, table: raw.orders, maxChangePercent: 50 }
                    - { type: sql, name: no_negative_amounts, query: "select count(*) from raw.orders where amount < 0" }
              - name: orders-gate
                connection: orders (TEST)
                postSync:
                  dataSource: warehouse
                  checks:
                    - { type: accepted_values, name: only_open, table: raw.orders, column: status, values: [new, paid] }
              - name: orders-soft-gate
                connection: orders (TEST)
                postSync:
                  dataSource: warehouse
                  checks:
                    - { type: accepted_values, name: only_open_warn, table: raw.orders, column: status, values: [new, paid], severity: warn }
              - name: orders-missing-column
                connection: orders (TEST)
                postSync:
                  dataSource: warehouse
                  checks:
                    - { type: not_null, table: raw.orders, columns: [shipped_at] }
              - name: orders-to-gone-db
                connection: orders (TEST)
                postSync:
                  dataSource: gone
                  checks:
                    - { type: row_count, table: raw.orders, min: 1 }
              - name: downstream
                connection: crm (TEST)
                dependsOn: orders-gate
            groups:
              - name: gated
                pipelines: [orders-gate, downstream]
            """;
    static AirbyteStandIn standIn;
    static TestApp app;
    static PGSimpleDataSource warehouse;

    @BeforeAll
    static void start() throws Exception {
        String url = TestPostgres.newDatabase("warehouse");
        warehouse = new PGSimpleDataSource();
        warehouse.setURL(url);
        warehouse.setUser("postgres");
        execute("CREATE SCHEMA raw; CREATE TABLE raw.untouched (id int); INSERT INTO raw.untouched VALUES (1)");
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
        standIn.onJobSucceeded(new DemoWarehouse(warehouse));
        app = TestApp.with(standIn, PIPELINES)
                .property("datasource.warehouse.jdbc-url", url)
                .property("datasource.gone.jdbc-url", "jdbc:postgresql://127.0.0.1:1/nothing")
                .property("datasource.gone.connect-timeout", "1s")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void theSyncedTablesAndOnlyThoseAreAnalyzed() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.at("/postSync/analyzed").findValuesAsText("table"))
                .containsExactlyInAnyOrder("raw.orders", "raw.customers");
        assertThat(lastAnalyzed("orders")).isTrue();
        assertThat(lastAnalyzed("customers")).isTrue();
        assertThat(lastAnalyzed("untouched")).isFalse();
        assertThat(reltuples("orders")).isPositive();
    }

    @Test
    void everyCheckIsRecordedWithItsObservedValue() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));

        JsonNode checks = run.at("/postSync/checks");
        assertThat(checks).hasSize(8);
        assertThat(checks).allSatisfy(check -> {
            assertThat(check.path("passed").asBoolean()).as(check.toString()).isTrue();
            assertThat(check.path("observed").asText()).as(check.toString()).isNotEmpty();
        });
        assertThat(checks.findValuesAsText("kind"))
                .contains(
                        "row_count",
                        "not_null",
                        "unique",
                        "accepted_values",
                        "freshness",
                        "rows_synced_min",
                        "row_count_change",
                        "sql");
    }

    @Test
    void aFailingCheckFailsTheRunNamingTheCheck() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders-gate"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText()).contains("only_open", "shipped");
        assertThat(run.path("jobId").asLong()).isPositive();
        assertThat(run.path("rowsSynced").asLong()).isPositive();
    }

    @Test
    void aFailingWarnCheckIsRecordedButTheRunSucceeds() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders-soft-gate"));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.at("/postSync/checks/0/passed").asBoolean()).isFalse();
        assertThat(run.at("/postSync/checks/0/severity").asText()).isEqualTo("warn");
    }

    @Test
    void aCheckOnAMissingColumnFailsNamingIt() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders-missing-column"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText()).contains("shipped_at");
    }

    @Test
    void anUnreachableWarehouseFailsTheRunWithTheReasonAndKeepsTheSyncResult() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders-to-gone-db"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText()).containsIgnoringCase("connection");
        assertThat(run.path("rowsSynced").asLong()).isPositive();
    }

    @Test
    void aFailingCheckStopsTheDependentPipeline() throws Exception {
        var response = app.post("/api/groups/gated/runs", "");
        assertThat(response.statusCode()).isEqualTo(202);
        String groupRunId = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body())
                .path("groupRunId")
                .asText();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !app.getJson("/api/group-runs/" + groupRunId)
                        .path("status")
                        .asText()
                        .equals("running"));
        JsonNode groupRun = app.getJson("/api/group-runs/" + groupRunId);

        assertThat(groupRun.toString()).contains("skipped", "orders-gate");
        assertThat(groupRun.path("status").asText()).isEqualTo("failed");
    }

    private static boolean lastAnalyzed(String table) throws SQLException {
        return queryOne("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE schemaname='raw' AND relname='"
                        + table + "'")
                .equals("t");
    }

    private static double reltuples(String table) throws SQLException {
        return Double.parseDouble(queryOne("SELECT reltuples FROM pg_class WHERE oid = 'raw." + table + "'::regclass"));
    }

    private static String queryOne(String sql) throws SQLException {
        try (Connection c = warehouse.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = warehouse.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
