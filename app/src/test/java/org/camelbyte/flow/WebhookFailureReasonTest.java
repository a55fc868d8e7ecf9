package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.camelbyte.api.AirbyteWebhookRoutes;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The public API gives no failure reason on a job; Airbyte's failure notification does ({@code data.errorMessage}):
 * a run ended by that webhook records it as its error. The watcher never looks on its own here (interval 1h), so
 * only the webhook ends the run.
 */
class WebhookFailureReasonTest {
    private static final String SECRET = "webhook-secret-for-reasons";
    private AirbyteStandIn standIn;
    private TestApp app;

    @AfterEach
    void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void aFailureWebhooksErrorMessageIsTheRunsError() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
        app = TestApp.with(standIn, """
                        defaults: { pollInterval: 1h, timeout: 2h }
                        pipelines:
                          - { name: billing, connection: billing (TEST) }
                        """)
                .property("airbyte.webhook-secret", SECRET)
                .property("airbyte.watch.interval", "1h")
                .start();
        standIn.sendWebhooksTo(
                app.request(AirbyteWebhookRoutes.PATH + SECRET).build().uri().toString());

        JsonNode run = Runs.awaitOutcome(app, app.startRun("billing"));

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText()).isEqualTo("Destination quota exceeded for table invoices");
    }
}
