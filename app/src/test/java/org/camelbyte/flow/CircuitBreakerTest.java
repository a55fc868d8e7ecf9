package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.health.HealthCheck;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared breaker opens under a run of failures, stops calling Airbyte while open, and recovers by itself. */
class CircuitBreakerTest {
    static AirbyteStandIn standIn;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
        app = TestApp.with(standIn, SyncRunTest.PIPELINES)
                .property("airbyte.circuit-breaker.window", "6")
                .property("airbyte.circuit-breaker.minimum-calls", "4")
                .property("airbyte.circuit-breaker.open-for", "5s")
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void opensFailsFastAndRecovers() throws Exception {
        CircuitBreaker breaker =
                app.context().getRegistry().lookupByNameAndType("airbyteCircuitBreaker", CircuitBreaker.class);
        String runId = app.startRun("events");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.run(runId).path("jobId").asLong() > 0);

        // the job watcher's batched GET /jobs and its single reads GET /jobs/{id} alike
        standIn.faults().failNext(100_000, 503, "/jobs");
        await().atMost(Duration.ofSeconds(10)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);

        long callsWhenOpened = statusCalls();
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> breaker.getState() != CircuitBreaker.State.OPEN || statusCalls() == callsWhenOpened);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(airbyteHealth()).isEqualTo(HealthCheck.State.DOWN);

        standIn.faults().clear();
        JsonNode run = Runs.awaitOutcome(app, runId);

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(breaker.getState()).isIn(CircuitBreaker.State.CLOSED, CircuitBreaker.State.HALF_OPEN);
        assertThat(airbyteHealth()).isEqualTo(HealthCheck.State.UP);
    }

    private static HealthCheck.State airbyteHealth() {
        return app.context()
                .getRegistry()
                .lookupByNameAndType("airbyteHealthCheck", HealthCheck.class)
                .call()
                .getState();
    }

    private static long statusCalls() {
        return standIn.calls().stream()
                .filter(call -> call.path().contains("/jobs"))
                .count();
    }
}
