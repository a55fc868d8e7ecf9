package org.camelbyte.flow;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.camelbyte.app.TestApp;

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
}
