package org.camelbyte.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.camelbyte.app.TestApp;
import org.camelbyte.flow.Runs;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Airbyte's sync webhooks on the API port. The watcher here never looks on its own (interval 1h) and the
 * runs poll hourly, so only a webhook can end a run quickly.
 */
class AirbyteWebhookTest {
    private static final String SECRET = "webhook-secret-for-tests";
    static AirbyteStandIn standIn;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
        app = TestApp.with(standIn, """
                        defaults: { pollInterval: 1h, timeout: 2h }
                        pipelines:
                          - { name: orders, connection: orders (TEST) }
                        """)
                .property("airbyte.webhook-secret", SECRET)
                .property("airbyte.watch.interval", "1h")
                .start();
        standIn.sendWebhooksTo(webhookUrl(SECRET));
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    private static String webhookUrl(String secret) {
        return app.request(AirbyteWebhookRoutes.PATH + secret).build().uri().toString();
    }

    /** As Airbyte sends it: no Authorization header, the secret in the URL. */
    private static HttpResponse<String> notify(String secret, String body) throws Exception {
        return app.send(app.request(AirbyteWebhookRoutes.PATH + secret)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String syncSummary(long jobId) {
        return "{\"text\":\"sync succeeded\",\"data\":{\"workspace\":{\"id\":\"w\",\"name\":\"Test\"},"
                + "\"connection\":{\"id\":\"c\",\"name\":\"orders (TEST)\"},\"jobId\":" + jobId + ",\"success\":true,"
                + "\"recordsCommitted\":10,\"bytesCommitted\":100,\"errorMessage\":null}}";
    }

    @Test
    void aWrongSecretIsRefusedWith401() throws Exception {
        HttpResponse<String> answer = notify("not-the-secret", syncSummary(1));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("airbyte.webhook-secret").doesNotContain(SECRET);
    }

    @Test
    void anUnknownJobIsIgnored() throws Exception {
        HttpResponse<String> answer = notify(SECRET, syncSummary(987_654));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"followed\":false");
    }

    @Test
    void aBodyWithoutJobIdGetsOneSentence() throws Exception {
        HttpResponse<String> answer = notify(SECRET, "{\"data\":{\"connection\":{\"id\":\"c\"}}}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("data.jobId");
    }

    @Test
    void aRunEndsWithin250msOfTheWebhookWithoutACallAndAReplayChangesNothing() throws Exception {
        // the first run pays for class loading and the first connections on a loaded machine; the second shows the path
        Runs.awaitOutcome(app, app.startRun("orders"), Duration.ofSeconds(20));
        String runId = app.startRun("orders");
        JsonNode run = Runs.awaitOutcome(app, runId, Duration.ofSeconds(20));

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        StandInJob job = standIn.jobsOf(run.path("connectionId").asText()).get(1);
        Instant jobEnded = job.endedAt().orElseThrow();
        Duration lag =
                Duration.between(jobEnded, Instant.parse(run.path("endedAt").asText()));
        assertThat(lag).as("job end to the run's terminal record").isLessThanOrEqualTo(Duration.ofMillis(250));
        assertThat(run.path("rowsSynced").asLong())
                .as("the figures of Airbyte's notification")
                .isEqualTo(job.rowsSynced());
        assertThat(standIn.calls().stream()
                        .filter(call -> call.path().endsWith("/jobs/" + job.id()))
                        .count())
                .as("the run ended on the notification's word: a read confirms it later, batched with others")
                .isZero();
        // a job POST is preceded by a newest-job read on the listing's path; the watcher's listings ask updatedAtStart
        assertThat(standIn.calls().stream()
                        .filter(call -> call.query() != null && call.query().contains("updatedAtStart"))
                        .count())
                .as("no listing either")
                .isZero();

        HttpResponse<String> replay = notify(SECRET, syncSummary(job.id()));
        notify(SECRET, syncSummary(job.id()));

        assertThat(replay.statusCode()).isEqualTo(200);
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> app.run(runId)
                        .path("endedAt")
                        .asText()
                        .equals(run.path("endedAt").asText()));
        assertThat(app.run(runId).path("status").asText()).isEqualTo("succeeded");
        assertThat(standIn.jobsOf(job.connectionId())).hasSize(2);
    }
}
