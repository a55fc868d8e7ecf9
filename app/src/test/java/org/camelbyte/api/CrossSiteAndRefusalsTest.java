package org.camelbyte.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.camelbyte.app.TestApp;
import org.camelbyte.security.LogCapture;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's side of hostile callers: runs cannot be started from another site even with
 * {@code api.auth = none}; every answer carries the security headers; a kept token file others could read is
 * tightened with a WARN; the webhook is rate limited per address (429 with Retry-After); refusals are logged
 * with cause and source, one line per source a minute.
 */
class CrossSiteAndRefusalsTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
            """;
    private static AirbyteStandIn standIn;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.fromYaml("""
                workspaces: [{name: Test}]
                connections:
                  - {name: orders (TEST), workspace: Test, job: [{status: running, seconds: 1}, {status: succeeded}]}
                """), 0);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void anotherSiteStartsNoRunEvenWithoutCredentialsButTheAppsOwnPageDoes() throws Exception {
        try (TestApp app =
                TestApp.with(standIn, PIPELINES).property("api.auth", "none").start()) {
            String self = "http://localhost:" + app.request("/").build().uri().getPort();

            HttpResponse<String> byOrigin = app.send(app.request("/api/pipelines/orders/runs")
                    .header("Origin", "https://evil.example")
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            HttpResponse<String> byFetchSite = app.send(app.request("/api/pipelines/orders/runs")
                    .header("Sec-Fetch-Site", "cross-site")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            HttpResponse<String> sameOrigin = app.send(app.request("/api/pipelines/orders/runs")
                    .header("Origin", self)
                    .header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(byOrigin.statusCode()).isEqualTo(403);
            assertThat(byOrigin.headers().firstValue("Content-Type")).hasValue(ApiProblem.MEDIA_TYPE);
            assertThat(byOrigin.body()).contains("Origin 'https://evil.example' is another site");
            assertThat(byFetchSite.statusCode()).isEqualTo(403);
            assertThat(byFetchSite.body()).contains("Sec-Fetch-Site");
            assertThat(sameOrigin.statusCode()).isEqualTo(202);
            assertThat(app.getJson("/api/runs").path("runs"))
                    .as("only the app's own page started a run")
                    .hasSize(1);

            HttpResponse<String> page = app.send(app.request("/").GET());
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            for (HttpResponse<String> answer : new HttpResponse[] {byOrigin, sameOrigin, page}) {
                assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                        .hasValue("nosniff");
                assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
                assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            }
        }
    }

    @Test
    void aLooseTokenFileIsTightenedAndTheWebhookIsRateLimitedWithOneLogLinePerSource() throws Exception {
        Path dataDir = Files.createTempDirectory("camelbyte-loose");
        Path tokenFile = dataDir.resolve("api-token");
        String token = "a-token-someone-copied-with-umask-022-0123456789";
        Files.writeString(tokenFile, token);
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));

        String log;
        try (LogCapture capture = new LogCapture();
                TestApp app = TestApp.with(standIn, PIPELINES)
                        .property("api.token", "")
                        .property("data.dir", dataDir.toString())
                        .property("airbyte.webhook-secret", "the-right-secret")
                        .property("airbyte.webhook-rate-limit", "3")
                        .start()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                    .isEqualTo("rw-------");

            // Airbyte's own notifications (the right secret) never count against the limit of 3
            for (int i = 0; i < 5; i++) {
                assertThat(app.send(app.request(AirbyteWebhookRoutes.PATH + "the-right-secret")
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"data\":{\"jobId\":" + (900_000 + i) + ",\"success\":true}}")))
                                .statusCode())
                        .isEqualTo(200);
            }
            HttpResponse<String> badBody = app.send(app.request(AirbyteWebhookRoutes.PATH + "the-right-secret")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{}}")));
            assertThat(badBody.statusCode()).isEqualTo(400);
            for (int i = 0; i < 2; i++) {
                assertThat(webhook(app).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> last = webhook(app);
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.headers().firstValue("Content-Type")).hasValue(ApiProblem.MEDIA_TYPE);
            assertThat(last.headers().firstValue("Retry-After").map(Long::parseLong))
                    .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
            assertThat(last.body()).contains("airbyte.webhook-rate-limit");

            assertThat(app.send(app.request("/api/pipelines")
                                    .header("Authorization", "Bearer " + token)
                                    .GET())
                            .statusCode())
                    .as("the kept token still works")
                    .isEqualTo(200);
            log = capture.text();
        }

        assertThat(log)
                .contains("was rw-r--r-- (others could read it); tightened it to rw-------")
                .contains("Refused POST /api/airbyte/webhook/<secret> from 127.0.0.1 with 400: The notification has no"
                        + " numeric data.jobId")
                .doesNotContain("the-right-secret");
        assertThat(log.lines().filter(line -> line.contains("Refused ")))
                .as("four refusals from one source, one line")
                .hasSize(1);
    }

    private static HttpResponse<String> webhook(TestApp app) throws Exception {
        return app.send(app.request(AirbyteWebhookRoutes.PATH + "wrong")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"jobId\":1}}")));
    }
}
