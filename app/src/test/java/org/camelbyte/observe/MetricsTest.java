package org.camelbyte.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.camelbyte.app.TestApp;
import org.camelbyte.flow.Runs;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metrics an operator alerts on move as runs happen: scrape, run, scrape again. */
class MetricsTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
              - { name: billing, connection: billing (TEST) }
              - { name: measured, connection: orders (TEST) }
            """;
    private static AirbyteStandIn standIn;
    private static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
        app = TestApp.with(standIn, PIPELINES).start();
    }

    /**
     * An earlier test's run (a queue request's, say) may still go, or be recorded as ended just before its
     * outcome route counts it; a "before" scrape taken then would count it here too. So each test starts once
     * every earlier run has ended and is counted.
     */
    @BeforeEach
    void earlierOutcomesAreCounted() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode runs = app.getJson("/api/runs?limit=500").path("runs");
            for (JsonNode run : runs) {
                assertThat(run.path("endedAt").isTextual())
                        .as(
                                "run %s of an earlier test has ended",
                                run.path("runId").asText())
                        .isTrue();
            }
            assertThat(Scrape.of(app).value("camelbyte_runs_total")).isEqualTo((double) runs.size());
        });
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void aRunMovesItsDurationRowsBytesLagAndAirbyteCalls() throws Exception {
        Scrape before = Scrape.of(app);

        JsonNode run = Runs.awaitOutcome(app, app.startRun("measured"));
        assertThat(run.path("status").asText()).isEqualTo("succeeded");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Scrape after = Scrape.of(app);
            assertThat(moved(
                            before,
                            after,
                            "camelbyte_run_duration_seconds_count",
                            "pipeline=\"measured\"",
                            "status=\"succeeded\""))
                    .isEqualTo(1);
            assertThat(after.value("camelbyte_run_duration_seconds_bucket", "pipeline=\"measured\"", "le=\"+Inf\""))
                    .as("the duration is a histogram")
                    .isPositive();
            assertThat(moved(before, after, "camelbyte_rows_synced_total", "pipeline=\"measured\""))
                    .isEqualTo(run.path("rowsSynced").asDouble())
                    .isPositive();
            assertThat(moved(before, after, "camelbyte_bytes_synced_total", "pipeline=\"measured\""))
                    .isEqualTo(run.path("bytesSynced").asDouble())
                    .isPositive();
            assertThat(moved(before, after, "camelbyte_detection_lag_seconds_count", "pipeline=\"measured\""))
                    .isEqualTo(1);
            assertThat(moved(
                            before,
                            after,
                            "camelbyte_airbyte_calls_seconds_count",
                            "operation=\"start_job\"",
                            "outcome=\"ok\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(moved(
                            before,
                            after,
                            "camelbyte_airbyte_calls_seconds_count",
                            "operation=\"list_jobs\"",
                            "outcome=\"ok\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(moved(before, after, "camelbyte_runs_total", "pipeline=\"measured\"", "status=\"succeeded\""))
                    .isEqualTo(1);
        });
    }

    @Test
    void aFailedRunIsCountedUnderItsOwnStatus() throws Exception {
        Scrape before = Scrape.of(app);

        JsonNode run = Runs.awaitOutcome(app, app.startRun("billing"));
        assertThat(run.path("status").asText()).isEqualTo("failed");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Scrape after = Scrape.of(app);
            assertThat(moved(
                            before,
                            after,
                            "camelbyte_run_duration_seconds_count",
                            "pipeline=\"billing\"",
                            "status=\"failed\""))
                    .isEqualTo(1);
            assertThat(moved(
                            before,
                            after,
                            "camelbyte_run_duration_seconds_count",
                            "pipeline=\"billing\"",
                            "status=\"succeeded\""))
                    .isZero();
        });
    }

    @Test
    void aRetriedStepIsCountedByStepAndItsFailedCallByOutcome() throws Exception {
        Scrape before = Scrape.of(app);
        // the POST that creates the job, not the read before it of the newest job id
        standIn.faults().failNext(1, 503, "POST /jobs");

        JsonNode run = Runs.awaitOutcome(app, app.startRun("orders"));
        assertThat(run.path("status").asText()).isEqualTo("succeeded");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Scrape after = Scrape.of(app);
            // the 503 may have come after Airbyte created the job: a retry finds none and waits until that POST
            // can no longer land (runs.unanswered-start-wait), the next POSTs again
            assertThat(moved(before, after, "camelbyte_run_retries_total", "step=\"run-trigger\""))
                    .as(after.series("camelbyte_run_retries_total"))
                    .isEqualTo(2);
            assertThat(moved(before, after, "camelbyte_airbyte_calls_seconds_count", "outcome=\"unavailable\""))
                    .isEqualTo(1);
        });
    }

    @Test
    void theBreakerAndRunsInFlightAreAlwaysThere() throws Exception {
        Scrape scrape = Scrape.of(app);

        assertThat(scrape.value("camelbyte_circuit_breaker_state", "name=\"airbyte\"", "state=\"closed\""))
                .isEqualTo(1);
        assertThat(scrape.value("camelbyte_circuit_breaker_state", "name=\"airbyte\"", "state=\"open\""))
                .isZero();
        assertThat(scrape.has("camelbyte_runs_in_flight")).isTrue();
    }

    @Test
    void queueRequestsAreCountedAcceptedDuplicateAndDeadLettered() throws Exception {
        Scrape before = Scrape.of(app);

        try (Connection connection = new ActiveMQConnectionFactory(app.brokerUrl()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, "{\"requestId\": \"metrics-1\", \"pipeline\": \"orders\"}");
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(moved(
                                    before, Scrape.of(app), "camelbyte_queue_requests_total", "outcome=\"accepted\""))
                            .isEqualTo(1));
            // the same request again, as a sender's retry would send it
            send(session, "{\"requestId\": \"metrics-1\", \"pipeline\": \"orders\"}");
            send(session, "{\"requestId\": \"metrics-2\", \"pipeline\": \"no-such-pipeline\"}");
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Scrape after = Scrape.of(app);
            assertThat(moved(before, after, "camelbyte_queue_requests_total", "outcome=\"accepted\""))
                    .isEqualTo(1);
            assertThat(moved(before, after, "camelbyte_queue_requests_total", "outcome=\"duplicate\""))
                    .isEqualTo(1);
            assertThat(moved(before, after, "camelbyte_queue_requests_total", "outcome=\"dead_lettered\""))
                    .isEqualTo(1);
        });
    }

    @Test
    void theDashboardAndAlertRulesNameOnlyMetricsTheAppExposes() throws Exception {
        Runs.awaitOutcome(app, app.startRun("orders"));
        Set<String> exposed = new TreeSet<>(Scrape.of(app).names());
        // counters whose labels come with their first event (a retry, a check, a breaker change, a group run,
        // a queue request): not yet on the page of an app that has had none
        exposed.addAll(Set.of(
                "camelbyte_run_retries_total",
                "camelbyte_quality_checks_total",
                "camelbyte_circuit_breaker_transitions_total",
                "camelbyte_group_runs_total",
                "camelbyte_queue_requests_total"));
        Set<String> used = new TreeSet<>();
        for (Path file : List.of(
                Path.of("docs/grafana/camelbyte-dashboard.json"), Path.of("docs/prometheus/camelbyte-alerts.yml"))) {
            Matcher names = Pattern.compile("camelbyte_[a-z_]+").matcher(Files.readString(file));
            while (names.find()) {
                used.add(names.group());
            }
        }

        assertThat(used).hasSizeGreaterThan(10);
        assertThat(exposed).containsAll(used);
    }

    private static void send(Session session, String body) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue("airbyte.sync.requests"))) {
            producer.send(session.createTextMessage(body));
        }
    }

    private static double moved(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
