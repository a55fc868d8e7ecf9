package org.camelbyte.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camelbyte.app.FreePort;
import org.camelbyte.app.TestApp;
import org.camelbyte.embedded.EmbeddedBroker;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.camelbyte.trigger.Broker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Outcome events survive a broker outage: 50 runs end while the broker is down, their events wait in the
 * state database (the outbox, shown by the readiness check), and all 50 arrive once the broker is back.
 */
@Tag("load")
class OutboxBrokerOutageTest {
    static final int RUNS = 50;
    static final ObjectMapper JSON = new ObjectMapper();

    static AirbyteStandIn standIn;
    static TestApp app;
    static Path brokerDir;
    static int brokerPort;
    static EmbeddedBroker broker;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.fromYaml("""
                        timeScale: 0.05
                        workspaces: [{name: Test}]
                        connections:
                          - name: orders (TEST)
                            workspace: Test
                            streams: [orders]
                            job:
                              - {status: running, seconds: 2, rowsPerSecond: 100}
                              - {status: succeeded}
                        """), 0);
        brokerDir = Files.createTempDirectory("outbox-broker");
        brokerPort = FreePort.find();
        broker = EmbeddedBroker.start(brokerDir, "localhost", brokerPort);
        app = TestApp.with(
                        standIn,
                        "defaults: { pollInterval: 100ms, timeout: 1m }\npipelines:\n  - name: orders\n    connection: orders (TEST)\n")
                .property("broker.url", broker.url())
                .property("runs.max-starts-per-second", "200")
                .property("outcomes.relay-max-pause", "2s")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        standIn.close();
        broker.close();
    }

    /** The readiness check named outcomes, as the management port shows it. */
    private static JsonNode outcomesCheck() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + app.property("camel.management.port")
                                        + "/observe/health?exposureLevel=full"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : JSON.readTree(health.body()).path("checks")) {
            if (check.path("name").asText().equals("outcomes")) {
                return check;
            }
        }
        throw new AssertionError("no outcomes check in " + health.body());
    }

    @Test
    void fiftyRunsEndingWhileTheBrokerIsDownAllPublishOnceItIsBack() throws Exception {
        broker.close();
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runIds.add(app.startRun("orders"));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> runIds.stream()
                        .allMatch(id -> app.runStore().find(id).orElseThrow().isFinal()));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingInOutbox() == RUNS);
        // the readiness counts what waited at the relay's last try, which may have begun before the last runs ended
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(outcomesCheck().path("message").asText()).startsWith(RUNS + " outcome events wait"));
        System.out.printf("readiness while the broker was down: %s%n", outcomesCheck());
        assertThat(app.getJson("/api/overview").path("outcomesWaiting").asLong())
                .as("the status page's overview says how many wait")
                .isEqualTo(RUNS);

        broker = EmbeddedBroker.start(brokerDir, "localhost", brokerPort);
        Set<String> eventIds = new HashSet<>();
        Set<String> runsSeen = new HashSet<>();
        try (Broker client = new Broker(broker.url())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                TextMessage m = client.receive("airbyte.sync.results", 500);
                if (m != null) {
                    JsonNode event = JSON.readTree(m.getText());
                    eventIds.add(event.path("eventId").asText());
                    runsSeen.add(event.path("runId").asText());
                }
                return runsSeen.containsAll(runIds);
            });
        }
        assertThat(runsSeen).containsAll(runIds);
        assertThat(eventIds).allSatisfy(id -> assertThat(id).startsWith("run:"));
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingInOutbox() == 0);
        System.out.printf(
                "after the broker came back: %d outcome events delivered, %d waiting%n",
                runsSeen.size(), waitingInOutbox());
    }

    private static long waitingInOutbox() throws Exception {
        PGSimpleDataSource state = new PGSimpleDataSource();
        state.setURL(app.stateJdbcUrl());
        state.setUser("postgres");
        try (Connection c = state.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM runs WHERE outcome_pending")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
