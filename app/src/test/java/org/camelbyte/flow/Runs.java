package org.camelbyte.flow;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.camelbyte.app.TestApp;
import org.camelbyte.config.Beans;
import org.camelbyte.standin.AirbyteStandIn;

/** Waiting for runs to reach an outcome, through the HTTP API a user would poll. */
public final class Runs {
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "timed_out", "skipped");

    private Runs() {}

    public static JsonNode awaitOutcome(TestApp app, String runId) {
        return awaitOutcome(app, runId, Duration.ofSeconds(30));
    }

    public static JsonNode awaitOutcome(TestApp app, String runId, Duration atMost) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode run = app.run(runId);
            last.set(run);
            return FINAL.contains(run.path("status").asText());
        });
        return last.get();
    }

    /**
     * Waits until the stand-in has handled every job-creating POST the app sent (public API), answered in time
     * or not: a POST the app gave up on can still create its job afterwards, so counting jobs before then
     * could miss a second one.
     */
    public static void awaitEveryJobPostHandled(TestApp app, AirbyteStandIn standIn) {
        MeterRegistry registry =
                app.context().getRegistry().lookupByNameAndType(Beans.METRICS_REGISTRY, MeterRegistry.class);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    long sent = registry.find("camelbyte.airbyte.calls").tag("operation", "start_job").timers().stream()
                            .mapToLong(Timer::count)
                            .sum();
                    return standIn.callCounts().getOrDefault("POST /api/public/v1/jobs", 0L) >= sent;
                });
    }
}
