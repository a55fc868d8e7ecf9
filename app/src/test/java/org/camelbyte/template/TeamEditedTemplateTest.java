package org.camelbyte.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The run template edited as a team would (docs/pipelines.md): a {@code setBody} before the trigger, an HTTP
 * call to a dbt endpoint between the sync and the post-sync checks (its answer replaces the body and is kept on
 * the run), and a step that throws for one pipeline. Every run still reaches the right outcome.
 */
class TeamEditedTemplateTest {
    static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - name: orders
                connection: orders (TEST)
                postSync:
                  dataSource: warehouse
                  checks:
                    - { type: row_count, table: raw.orders, min: 1 }
              - name: broken
                connection: crm (TEST)
            """;
    static final String DBT_ANSWER = "{\"status\":\"success\",\"models\":3}";

    static AirbyteStandIn standIn;
    static TestApp app;
    static HttpServer dbt;
    static final List<String> dbtRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        dbt = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dbt.createContext("/dbt/run", exchange -> {
            dbtRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = DBT_ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        dbt.start();

        String url = TestPostgres.newDatabase("warehouse");
        PGSimpleDataSource warehouse = new PGSimpleDataSource();
        warehouse.setURL(url);
        warehouse.setUser("postgres");
        try (Connection c = warehouse.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA raw");
        }
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
        standIn.onJobSucceeded(new DemoWarehouse(warehouse));

        String routes = EditedTemplate.ofShippedRoutes()
                // a team's first step, before anything of ours: it replaces the body
                .before("direct:run-lookup", """
                          - setBody:
                              constant: "the team's own body"
                """)
                // after the sync: call dbt with the job id, keep its answer on the run
                .before("direct:run-post-sync", """
                          - setBody:
                              simple: '{"jobId": ${variable.run.jobId}, "connection": "${variable.run.connectionName}"}'
                          - setHeader:
                              name: CamelHttpMethod
                              constant: POST
                          - to: "http://127.0.0.1:%d/dbt/run"
                          - setVariable:
                              name: result.dbt
                              simple: "${bodyAs(String)}"
                          - marshal:
                              json: {}
                          - filter:
                              simple: "${variable.run.pipeline} == 'broken'"
                              steps:
                                - throwException:
                                    exceptionType: java.lang.IllegalStateException
                                    message: "dbt model accounts_daily failed: relation raw.accounts_daily does not exist"
                """.formatted(dbt.getAddress().getPort()))
                .write();
        app = TestApp.with(standIn, PIPELINES)
                .property("datasource.warehouse.jdbc-url", url)
                .property("camel.main.routes-include-pattern", routes)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
        dbt.stop(0);
    }

    @Test
    void aRunThroughTheTeamsStepsSucceedsWithItsJobRowsChecksAndTheStepsResult() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));

        assertThat(run.path("status").asText()).as("%s", run).isEqualTo("succeeded");
        long jobId = run.path("jobId").asLong();
        assertThat(jobId).isPositive();
        assertThat(run.path("rowsSynced").asLong()).isPositive();
        assertThat(run.at("/postSync/checks/0/passed").asBoolean())
                .as("the post-sync check ran after the team's step")
                .isTrue();
        assertThat(run.at("/results/dbt").asText()).as("%s", run).isEqualTo(DBT_ANSWER);
        assertThat(dbtRequests)
                .as("the dbt step read the run from its variable")
                .contains("{\"jobId\": " + jobId + ", \"connection\": \"orders (TEST)\"}");
    }

    @Test
    void aTeamStepThatThrowsFailsTheRunWithItsOwnMessageAndKeepsTheJob() throws Exception {
        JsonNode run = Runs.awaitOutcome(app, app.startRun("broken"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText())
                .isEqualTo("dbt model accounts_daily failed: relation raw.accounts_daily does not exist");
        assertThat(run.path("jobId").asLong()).isPositive();
        assertThat(run.path("jobStatus").asText()).isEqualTo("succeeded");
        assertThat(run.at("/results/dbt").asText())
                .as("what the team's steps kept before the failure stays on the run")
                .contains("success");
    }

    @Test
    void theRunsHistoryShowsTheStepsResult() throws Exception {
        String runId = app.startRun("orders");
        Runs.awaitOutcome(app, runId);

        JsonNode history = app.getJson("/api/runs?pipeline=orders");
        assertThat(history.findValues("results").stream().map(r -> r.path("dbt").asText()))
                .contains(DBT_ANSWER);
    }
}
