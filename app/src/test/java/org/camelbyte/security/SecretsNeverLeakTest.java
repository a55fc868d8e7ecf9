package org.camelbyte.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.RecordedCall;
import org.camelbyte.standin.StandInAuth;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/**
 * Runs pipelines that succeed and fail (a failed job, an unknown connection, a wrong Airbyte secret) with
 * known secret values, then searches everything the app wrote for them: its log, run records, outcome
 * events, API answers and every row of its state database.
 */
class SecretsNeverLeakTest {
    private static final String CLIENT_SECRET = "sk-test-7f3e91c2-client-secret";
    private static final String WRONG_SECRET = "sk-test-0b5d2a44-wrong-secret";
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "timed_out", "skipped");
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
              - { name: billing, connection: billing (TEST) }
              - { name: typo, connection: ordrs (TEST) }
            """;

    @Test
    void noSecretShowsAnywhereTheAppWrites() throws Exception {
        StandInScenario scenario = StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml"))
                .withAuth(StandInAuth.clientCredentials("camelbyte", CLIENT_SECRET));
        Map<String, String> written = new LinkedHashMap<>();
        try (LogCapture log = new LogCapture();
                AirbyteStandIn standIn = AirbyteStandIn.start(scenario, 0)) {
            try (TestApp app = app(standIn, CLIENT_SECRET)) {
                for (String pipeline : List.of("orders", "billing", "typo")) {
                    JsonNode run = awaitOutcome(app, app.startRun(pipeline));
                    written.put("run " + pipeline, run.toString());
                }
                assertThat(written.get("run orders")).contains("\"status\":\"succeeded\"");
                assertThat(written.get("run billing")).contains("\"status\":\"failed\"");
                assertThat(written.get("run typo")).contains("\"status\":\"failed\"");
                written.put("outcome events", outcomeEvents(app.brokerUrl(), 3));
                for (String path :
                        List.of("/api/pipelines", "/api/connections", "/api/connections?match=ord", "/api/groups")) {
                    written.put("GET " + path, app.get(path).body());
                }
                written.put("state database", stateRows(app.property("state.jdbc-url")));
            }
            try (TestApp wrong = app(standIn, WRONG_SECRET)) {
                JsonNode run = awaitOutcome(wrong, wrong.startRun("orders"));
                assertThat(run.path("status").asText()).isEqualTo("failed");
                written.put("run with a wrong secret", run.toString());
                written.put(
                        "GET /api/connections with a wrong secret",
                        wrong.get("/api/connections").body());
                written.put("state database with a wrong secret", stateRows(wrong.property("state.jdbc-url")));
            }
            written.put("log", log.text());
            List<String> secrets = secrets(standIn);

            assertThat(written.get("log")).as("the log capture works").contains("Airbyte: AirbyteSettings[");
            assertThat(written.get("state database"))
                    .as("the state database was read")
                    .contains("orders (TEST)");
            written.forEach((where, text) -> secrets.forEach(secret ->
                    assertThat(text).as("%s must not contain a secret", where).doesNotContain(secret)));
        }
    }

    private static TestApp app(AirbyteStandIn standIn, String clientSecret) throws Exception {
        return TestApp.with(standIn, PIPELINES)
                .property("airbyte.auth", "client_credentials")
                .property("airbyte.client-id", "camelbyte")
                .property("airbyte.client-secret", clientSecret)
                .property("runs.retry.max-attempts", "2")
                .start();
    }

    /** The configured ones, the API token, and every bearer token the stand-in issued to the app. */
    private static List<String> secrets(AirbyteStandIn standIn) {
        List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, WRONG_SECRET, TestApp.API_TOKEN));
        standIn.calls().stream()
                .map(call -> call.header("Authorization"))
                .filter(h -> h != null && h.startsWith("Bearer "))
                .map(h -> h.substring("Bearer ".length()))
                .distinct()
                .forEach(secrets::add);
        assertThat(secrets).as("the stand-in issued tokens").hasSizeGreaterThan(3);
        assertThat(standIn.calls()).extracting(RecordedCall::responseStatus).contains(401);
        return secrets;
    }

    private static JsonNode awaitOutcome(TestApp app, String runId) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last.set(app.run(runId));
                    return FINAL.contains(last.get().path("status").asText());
                });
        return last.get();
    }

    /** Reads (and so removes) the outcome events on the app's broker, at least {@code expected} of them. */
    private static String outcomeEvents(String brokerUrl, int expected) throws Exception {
        StringBuilder events = new StringBuilder();
        try (Connection connection = new ActiveMQConnectionFactory(brokerUrl).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("airbyte.sync.results"));
            List<String> bodies = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Message message = consumer.receive(200);
                if (message != null) {
                    bodies.add(((TextMessage) message).getText());
                }
                return bodies.size() >= expected && message == null;
            });
            bodies.forEach(body -> events.append(body).append('\n'));
        }
        return events.toString();
    }

    /** Every row of every table the app created, as text. */
    private static String stateRows(String jdbcUrl) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (var connection = DriverManager.getConnection(jdbcUrl);
                Statement st = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select quote_ident(table_schema) || '.' || quote_ident(table_name)"
                    + " from information_schema.tables where table_type = 'BASE TABLE'"
                    + " and table_schema not in ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("select t::text from " + table + " t")) {
                    while (rs.next()) {
                        rows.append(table).append(' ').append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return rows.toString();
    }
}
