package org.camelbyte.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camelbyte.group.GroupTestScenario.endOf;
import static org.camelbyte.group.GroupTestScenario.jobsOf;
import static org.camelbyte.group.GroupTestScenario.onlyJobOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Group runs through the real routes against the stand-in, checked from the stand-in's own job timestamps. */
class GroupRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINES = """
            defaults: {pollInterval: 50ms, timeout: 1m}
            pipelines:
              - {name: mysql, connection: mysql (PROD)}
              - {name: salesforce, connection: salesforce (PROD)}
              - {name: postgres, connection: postgres (PROD), dependsOn: mysql}
              - {name: warehouse, connection: warehouse (PROD), dependsOn: [mysql, salesforce]}
              - {name: bigquery, connection: bigquery (PROD), dependsOn: [warehouse, postgres]}

              - {name: broken, connection: broken (PROD)}
              - {name: good, connection: good (PROD)}
              - {name: child, connection: child (PROD), dependsOn: broken}
              - {name: grandchild, connection: grandchild (PROD), dependsOn: child}
              - {name: mixed, connection: mixed (PROD), dependsOn: [good, broken]}
              - {name: goodchild, connection: goodchild (PROD), dependsOn: good}

              - {name: first, connection: first (PROD)}
              - {name: second, connection: second (PROD), dependsOn: first}
              - {name: aside, connection: aside (PROD)}
            groups:
              - {name: nightly, pipelines: [mysql, salesforce, postgres, warehouse, bigquery], concurrency: 2}
              - {name: fragile, pipelines: [broken, good, child, grandchild, mixed, goodchild], concurrency: 3}
              - {name: retried, pipelines: [first, second, aside], concurrency: 1}
            """;
    private static AirbyteStandIn standIn;
    private static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(GroupTestScenario.SCENARIO, 0);
        app = TestApp.with(standIn, PIPELINES)
                .property("camel.main.shutdown-timeout", "1")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void diamondRunsInDependencyOrderWithIndependentBranchesAtTheSameTime() throws Exception {
        JsonNode summary = awaitEnd(startGroup("nightly"));

        assertThat(summary.get("status").asText()).isEqualTo("succeeded");
        assertThat(statuses(summary))
                .containsOnly(
                        Map.entry("mysql", "succeeded"),
                        Map.entry("salesforce", "succeeded"),
                        Map.entry("postgres", "succeeded"),
                        Map.entry("warehouse", "succeeded"),
                        Map.entry("bigquery", "succeeded"));
        StandInJob mysql = onlyJobOf(standIn, "mysql (PROD)");
        StandInJob salesforce = onlyJobOf(standIn, "salesforce (PROD)");
        StandInJob postgres = onlyJobOf(standIn, "postgres (PROD)");
        StandInJob warehouse = onlyJobOf(standIn, "warehouse (PROD)");
        StandInJob bigquery = onlyJobOf(standIn, "bigquery (PROD)");
        assertStartsAfterEnd(postgres, mysql);
        assertStartsAfterEnd(warehouse, mysql);
        assertStartsAfterEnd(warehouse, salesforce);
        assertStartsAfterEnd(bigquery, warehouse);
        assertStartsAfterEnd(bigquery, postgres);
        assertThat(mysql.createdAt()).as("independent roots overlap").isBefore(endOf(salesforce));
        assertThat(salesforce.createdAt()).as("independent roots overlap").isBefore(endOf(mysql));
    }

    @Test
    void failureSkipsExactlyItsDependentsAndUnrelatedBranchesCarryOn() throws Exception {
        JsonNode summary = awaitEnd(startGroup("fragile"));

        assertThat(summary.get("status").asText()).isEqualTo("failed");
        assertThat(statuses(summary))
                .containsOnly(
                        Map.entry("broken", "failed"),
                        Map.entry("good", "succeeded"),
                        Map.entry("goodchild", "succeeded"),
                        Map.entry("child", "skipped"),
                        Map.entry("grandchild", "skipped"),
                        Map.entry("mixed", "skipped"));
        JsonNode grandchild = node(summary, "grandchild");
        assertThat(grandchild.get("skippedBecause").asText()).isEqualTo("broken");
        assertThat(grandchild.get("error").asText())
                .isEqualTo("Skipped because upstream pipeline 'broken' failed (through 'child').");
        assertThat(node(summary, "mixed").get("skippedBecause").asText()).isEqualTo("broken");
        assertThat(jobsOf(standIn, "child (PROD)")).isEmpty();
        assertThat(jobsOf(standIn, "grandchild (PROD)")).isEmpty();
        assertThat(jobsOf(standIn, "mixed (PROD)")).isEmpty();
        assertThat(jobsOf(standIn, "goodchild (PROD)")).hasSize(1);
    }

    @Test
    void retryRunsOnlyWhatFailedOrWasSkipped() throws Exception {
        // the first job start is refused for good: with concurrency 1 that is 'first', the group's first pipeline
        standIn.faults().failNext(1, 400, "/jobs");
        String failedRun = startGroup("retried");
        JsonNode failed = awaitEnd(failedRun);
        assertThat(statuses(failed))
                .containsOnly(
                        Map.entry("first", "failed"), Map.entry("second", "skipped"), Map.entry("aside", "succeeded"));

        HttpResponse<String> retry = app.post("/api/group-runs/" + failedRun + "/retry", "");
        assertThat(retry.statusCode()).isEqualTo(202);
        JsonNode retried =
                awaitEnd(JSON.readTree(retry.body()).get("groupRunId").asText());

        assertThat(retried.get("status").asText()).isEqualTo("succeeded");
        assertThat(retried.get("retryOf").asText()).isEqualTo(failedRun);
        assertThat(node(retried, "aside").get("carriedOver").asBoolean()).isTrue();
        assertThat(jobsOf(standIn, "aside (PROD)"))
                .as("aside succeeded before: not synced again")
                .hasSize(1);
        assertThat(jobsOf(standIn, "first (PROD)")).hasSize(1);
        assertThat(jobsOf(standIn, "second (PROD)")).hasSize(1);
        assertThat(app.post("/api/group-runs/" + failedRun + "/retry", "").statusCode())
                .as("retrying again answers with the same retry")
                .isEqualTo(200);
    }

    @Test
    void groupsListShowsTheGraph() throws Exception {
        JsonNode groups = app.getJson("/api/groups");
        JsonNode nightly = groups.get(0);

        assertThat(nightly.get("name").asText()).isEqualTo("nightly");
        assertThat(nightly.get("dependsOn").get("bigquery").toString()).isEqualTo("[\"warehouse\",\"postgres\"]");
        assertThat(app.post("/api/groups/nope/runs", "").statusCode()).isEqualTo(404);
    }

    private static String startGroup(String group) throws Exception {
        HttpResponse<String> response = app.post("/api/groups/" + group + "/runs", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("groupRunId").asText();
    }

    private static JsonNode awaitEnd(String groupRunId) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> app.getJson("/api/group-runs/" + groupRunId),
                        s -> !s.get("status").asText().equals("running"));
    }

    private static Map<String, String> statuses(JsonNode summary) {
        Map<String, String> statuses = new HashMap<>();
        summary.get("pipelines")
                .forEach(n ->
                        statuses.put(n.get("pipeline").asText(), n.get("status").asText()));
        return statuses;
    }

    private static JsonNode node(JsonNode summary, String pipeline) {
        for (JsonNode n : summary.get("pipelines")) {
            if (n.get("pipeline").asText().equals(pipeline)) {
                return n;
            }
        }
        throw new AssertionError("no pipeline " + pipeline + " in " + summary);
    }

    private static void assertStartsAfterEnd(StandInJob downstream, StandInJob upstream) {
        assertThat(downstream.createdAt())
                .as("job %d starts after job %d ends", downstream.id(), upstream.id())
                .isAfterOrEqualTo(endOf(upstream));
    }
}
