package org.camelbyte.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.camelbyte.app.TestApp;
import org.camelbyte.security.LogCapture;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/**
 * What leaves the app about runs, for other systems: a group run's outcome event beside its runs' events
 * on the outcomes queue, and (log.format = json) log lines a shipper parses, each naming its run.
 */
class EventsAndLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
              - { name: billing, connection: billing (TEST), dependsOn: orders }
              - { name: crm, connection: crm (TEST), dependsOn: billing }
            groups:
              - { name: chain, pipelines: [orders, billing, crm] }
            """;

    @Test
    void aGroupRunPublishesItsOutcomeAndJsonLogLinesNameTheirRun() throws Exception {
        JsonNode groupEvent;
        List<JsonNode> runEvents = new ArrayList<>();
        String log;
        try (LogCapture capture = new LogCapture();
                AirbyteStandIn standIn = AirbyteStandIn.start(
                        StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
                TestApp app = TestApp.with(standIn, PIPELINES)
                        .property("log.format", "json")
                        .start()) {
            String groupRunId = JSON.readTree(
                            app.post("/api/groups/chain/runs", "").body())
                    .path("groupRunId")
                    .asText();
            groupEvent = groupRunEvent(app, groupRunId, runEvents);
            log = capture.text();
        } finally {
            org.camelbyte.observe.LogFormat.apply("text");
        }

        assertThat(groupEvent.path("group").asText()).isEqualTo("chain");
        assertThat(groupEvent.path("status").asText()).isEqualTo("failed");
        Map<String, String> statuses = new HashMap<>();
        groupEvent
                .path("pipelines")
                .forEach(node -> statuses.put(
                        node.path("pipeline").asText(), node.path("status").asText()));
        assertThat(statuses)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("orders", "succeeded", "billing", "failed", "crm", "skipped"));
        assertThat(runEvents)
                .as("each run's event is marked as a run")
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.path("kind").asText()).isEqualTo("run"));

        JsonNode orders = groupEvent.path("pipelines").get(0);
        String runId = orders.path("runId").asText();
        List<JsonNode> linesOfRun = jsonLines(log).stream()
                .filter(line -> runId.equals(line.path("mdc").path("runId").asText()))
                .toList();
        assertThat(linesOfRun)
                .as("JSON log lines of run %s", runId)
                .isNotEmpty()
                .allSatisfy(line ->
                        assertThat(line.path("mdc").path("pipeline").asText()).isEqualTo("orders"));
        assertThat(linesOfRun.stream().map(line -> line.path("formattedMessage").asText()))
                .as("the start's line (job N pending on ...) stands for a first progress line: the next comes"
                        + " runs.progress-every (1s here) later, not a moment after it")
                .anyMatch(message -> message.matches(".*: job \\d+ \\w+ on 'orders \\(TEST\\)'"))
                .noneMatch(message -> message.matches(".*, followed for \\d+ms,.*"));
        JsonNode succeeded = linesOfRun.stream()
                .filter(line -> line.path("formattedMessage").asText().contains("succeeded"))
                .findFirst()
                .orElseThrow();
        String jobId = runEvents.stream()
                .filter(e -> runId.equals(e.path("runId").asText()))
                .findFirst()
                .orElseThrow()
                .path("jobId")
                .asText();
        assertThat(succeeded.path("mdc").path("jobId").asText())
                .isEqualTo(jobId)
                .isNotEmpty();
        assertThat(succeeded.path("level").asText()).isEqualTo("INFO");
        assertThat(log).as("the API token stays out of JSON lines").doesNotContain(TestApp.API_TOKEN);
    }

    /** Reads the outcomes queue until the group run's event arrives, keeping the run events seen on the way. */
    private static JsonNode groupRunEvent(TestApp app, String groupRunId, List<JsonNode> runEvents) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(app.brokerUrl()).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("airbyte.sync.results"));
            JsonNode[] found = new JsonNode[1];
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                TextMessage message = (TextMessage) consumer.receive(500);
                if (message != null) {
                    JsonNode event = JSON.readTree(message.getText());
                    if ("group-run".equals(event.path("kind").asText())
                            && groupRunId.equals(event.path("groupRunId").asText())) {
                        found[0] = event;
                    } else {
                        runEvents.add(event);
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }

    /** The lines of the log that are JSON objects (the JVM and Maven may print others). */
    private static List<JsonNode> jsonLines(String log) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    throw new AssertionError("a log line is not one JSON object: " + line, e);
                }
            }
        }
        return lines;
    }
}
