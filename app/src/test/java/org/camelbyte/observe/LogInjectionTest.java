package org.camelbyte.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.camelbyte.app.TestApp;
import org.camelbyte.security.LogCapture;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A caller who puts a line break into any text field (each field of a queue message, a path of the HTTP API)
 * cannot forge a log line: the text reaches the log on the line of the event that names it, with the break
 * written as {@code \n}, in the text format and in the JSON one.
 */
class LogInjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
            groups:
              - { name: nightly, pipelines: [orders] }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void aLineBreakInAnyTextFieldReachesTheLogAsOneEscapedLine(String format) throws Exception {
        Map<String, String> fields = Map.of(
                "pipeline", "orders\nFORGED-pipeline [ERROR] fake",
                "connectionName", "orders (TEST)\nFORGED-connectionName [ERROR] fake",
                "group", "nightly\r\nFORGED-group [ERROR] fake");
        String log;
        try (LogCapture capture = new LogCapture();
                AirbyteStandIn standIn = AirbyteStandIn.start(StandInScenario.fromYaml("""
                                workspaces: [{name: Test}]
                                connections:
                                  - {name: orders (TEST), workspace: Test, job: [{status: running, seconds: 1}, {status: succeeded}]}
                                """), 0);
                TestApp app = TestApp.with(standIn, PIPELINES)
                        .property("log.format", format)
                        .start()) {
            try (Connection connection = new ActiveMQConnectionFactory(app.brokerUrl()).createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                var producer = session.createProducer(session.createQueue("airbyte.sync.requests"));
                int i = 0;
                for (Map.Entry<String, String> field : fields.entrySet()) {
                    producer.send(session.createTextMessage(JSON.writeValueAsString(
                            Map.of("requestId", "inject-" + i++, field.getKey(), field.getValue()))));
                }
                producer.send(session.createTextMessage(JSON.writeValueAsString(Map.of(
                        "requestId", "inject-jobType", "pipeline", "orders", "jobType", "sync\nFORGED-jobType"))));
            }
            app.send(app.request("/api/runs/run%0AFORGED-path%20%5BERROR%5D%20fake")
                    .header("Authorization", "Bearer " + TestApp.API_TOKEN)
                    .GET());

            List<String> expected = List.of(
                    "\\nFORGED-pipeline",
                    "\\nFORGED-connectionName",
                    "\\r\\nFORGED-group",
                    "\\nFORGED-jobType",
                    "%0AFORGED-path");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(capture.text()).contains(expected));
            log = capture.text();
        } finally {
            LogFormat.apply("text");
        }

        assertThat(log.lines())
                .as("no line starts with text a caller chose")
                .noneMatch(line -> line.startsWith("FORGED"));
        assertThat(log).doesNotContain("\nFORGED", "\rFORGED");
        if (format.equals("json")) {
            assertThat(log.lines().filter(line -> line.contains("FORGED")))
                    .as("each line naming a forged value is one JSON object")
                    .isNotEmpty()
                    .allSatisfy(
                            line -> assertThat(JSON.readTree(line).isObject()).isTrue());
        }
    }
}
