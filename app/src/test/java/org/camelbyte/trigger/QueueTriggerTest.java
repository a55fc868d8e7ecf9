package org.camelbyte.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Run requests on the queue, outcome events on the results queue, duplicates and malformed messages. */
class QueueTriggerTest {
    static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
              - { name: crm, connection: crm (TEST), dependsOn: orders }
            groups:
              - { name: pair, pipelines: [orders, crm] }
            """;
    static final ObjectMapper JSON = new ObjectMapper();
    static StandInScenario scenario;
    static AirbyteStandIn standIn;
    static TestApp app;
    static Broker broker;

    @BeforeAll
    static void start() throws Exception {
        scenario = StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml"));
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, PIPELINES).start();
        broker = new Broker(app.brokerUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
        app.close();
        standIn.close();
    }

    @Test
    void aRequestRunsASyncAndItsOutcomeIsPublished() throws Exception {
        broker.send("airbyte.sync.requests", "{\"requestId\":\"q-ok-1\",\"pipeline\":\"orders\"}");

        JsonNode outcome = outcomeFor("q-ok-1");

        assertThat(outcome.path("status").asText()).isEqualTo("succeeded");
        assertThat(outcome.path("trigger").asText()).isEqualTo("queue");
        assertThat(outcome.path("rowsSynced").asLong()).isPositive();
        assertThat(outcome.path("jobId").asLong()).isPositive();
    }

    @Test
    void aRequestNamingOnlyAConnectionRunsWithTheDefaults() throws Exception {
        broker.send("airbyte.sync.requests", "{\"requestId\":\"q-conn-1\",\"connectionName\":\"events (TEST)\"}");

        JsonNode outcome = outcomeFor("q-conn-1");

        assertThat(outcome.path("status").asText()).isEqualTo("succeeded");
        assertThat(outcome.path("pipeline").asText()).isEqualTo("adhoc");
        assertThat(outcome.path("connectionName").asText()).isEqualTo("events (TEST)");
    }

    @Test
    void theSameRequestIdTwiceCreatesOneAirbyteJob() throws Exception {
        String crm = scenario.connectionNamed("Test", "crm (TEST)").id();
        int before = standIn.jobsOf(crm).size();
        broker.send("airbyte.sync.requests", "{\"requestId\":\"q-dup-1\",\"pipeline\":\"crm\"}");
        broker.send("airbyte.sync.requests", "{\"requestId\":\"q-dup-1\",\"pipeline\":\"crm\"}");

        JsonNode outcome = outcomeFor("q-dup-1");
        broker.send("airbyte.sync.requests", "{\"requestId\":\"q-dup-1\",\"pipeline\":\"crm\"}");

        assertThat(outcome.path("status").asText()).isEqualTo("succeeded");
        assertThat(anotherOutcomeFor("q-dup-1")).isFalse();
        assertThat(standIn.jobsOf(crm)).hasSize(before + 1);
    }

    @Test
    void aMalformedRequestGoesToTheDeadLetterQueueWithItsReasonAndTheNextOneStillRuns() throws Exception {
        broker.send("airbyte.sync.requests", "{not json");
        broker.send("airbyte.sync.requests", "{\"requestId\":\"q-bad-2\",\"pipeline\":\"nope\"}");
        broker.send("airbyte.sync.requests", "{\"requestId\":\"q-after-bad\",\"pipeline\":\"orders\"}");

        // two consumers: the dead letters may arrive in either order
        Map<String, String> reasonByBody = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            TextMessage dead = broker.receive("airbyte.sync.requests.DLQ", 10_000);
            reasonByBody.put(dead.getText(), dead.getStringProperty("deadLetterReason"));
        }

        assertThat(reasonByBody.get("{not json")).contains("not JSON");
        assertThat(reasonByBody.get("{\"requestId\":\"q-bad-2\",\"pipeline\":\"nope\"}"))
                .contains("No pipeline is named 'nope'", "orders");
        assertThat(outcomeFor("q-after-bad").path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void aRequestNamingAGroupStartsAGroupRun() throws Exception {
        broker.send("airbyte.sync.requests", "{\"requestId\":\"q-group-1\",\"group\":\"pair\"}");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> app.getJson("/api/groups").findValue("latestRun") != null
                        && "succeeded"
                                .equals(app.getJson("/api/groups")
                                        .findValue("latestRun")
                                        .path("status")
                                        .asText()));
        JsonNode latest = app.getJson("/api/groups").findValue("latestRun");
        assertThat(latest.path("requestId").asText()).isEqualTo("q-group-1");
        assertThat(latest.path("trigger").asText()).isEqualTo("queue");
    }

    /** Whether an outcome event for this request arrives within 1.5 s; other tests' events are passed over. */
    static boolean anotherOutcomeFor(String requestId) throws Exception {
        TextMessage m;
        while ((m = broker.receive("airbyte.sync.results", 1500)) != null) {
            if (requestId.equals(JSON.readTree(m.getText()).path("requestId").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Reads outcome events until the one for this request arrives; others belong to other tests' runs. */
    static JsonNode outcomeFor(String requestId) throws Exception {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            TextMessage m = broker.receive("airbyte.sync.results", 500);
            if (m != null) {
                JsonNode event = JSON.readTree(m.getText());
                if (requestId.equals(event.path("requestId").asText())) {
                    found[0] = event;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }
}
