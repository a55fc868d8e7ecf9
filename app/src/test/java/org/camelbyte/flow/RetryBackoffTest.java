package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run whose step keeps failing waits longer before each try (exponential backoff), so it outlasts an
 * Airbyte outage or an open circuit breaker instead of spending its tries in the first seconds, and still
 * succeeds once Airbyte answers.
 */
class RetryBackoffTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
            """;
    static AirbyteStandIn standIn;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.fromYaml(OneConnection.scenario(50)), 0);
        app = TestApp.with(standIn, PIPELINES)
                .property("runs.retry.first-delay", "200ms")
                .property("runs.retry.max-delay", "3s")
                // the failures open the breaker; the run's tries then fail at once until it half-opens
                .property("airbyte.circuit-breaker.open-for", "1s")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void eachRetryWaitsAboutTwiceAsLongAsTheOneBefore() throws Exception {
        // every job read and start fails: the trigger step cannot even read its baseline
        standIn.faults().failNext(1_000, 503, "/jobs");
        String runId = app.startRun("orders");
        Map<Integer, Instant> nextTry = new ConcurrentHashMap<>();

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode waiting = app.run(runId).path("waiting");
                    if (waiting.hasNonNull("nextAttemptAt")) {
                        nextTry.putIfAbsent(
                                waiting.path("attempt").asInt(),
                                Instant.parse(waiting.path("nextAttemptAt").asText()));
                    }
                    return nextTry.containsKey(5);
                });
        standIn.faults().clear();
        JsonNode run = Runs.awaitOutcome(app, runId);

        // 200 ms, 400, 800, 1,600 (each within 15%): the gap between the 4th and 5th tries is the 1,600 ms wait
        // plus one failing try; kept at the first delay, it would be about 200 ms
        assertThat(Duration.between(nextTry.get(4), nextTry.get(5))).isGreaterThanOrEqualTo(Duration.ofMillis(1_300));
        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(standIn.jobsOf(run.path("connectionId").asText())).hasSize(1);
    }
}
