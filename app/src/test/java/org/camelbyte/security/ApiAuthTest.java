package org.camelbyte.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API outside the dev profile: nothing without credentials, everything with them. */
class ApiAuthTest {
    static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
            groups:
              - { name: nightly, pipelines: [orders] }
            """;
    static AirbyteStandIn standIn;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
        app = TestApp.with(standIn, PIPELINES).start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void startingARunWithoutCredentialsIsRefused() throws Exception {
        HttpResponse<String> response = app.send(app.request("/api/pipelines/orders/runs")
                .POST(HttpRequest.BodyPublishers.ofString("{\"requestId\": \"no-credentials-1\"}")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"camelbyte\"");
        assertThat(response.body()).contains("\"error\"").contains("Authorization: Bearer");
        assertThat(app.runStore().findByRequestId("no-credentials-1")).isEmpty();
    }

    @Test
    void everyApiRouteAsksForCredentials() throws Exception {
        for (String path : new String[] {
            "/api/pipelines", "/api/runs/nope", "/api/connections", "/api/groups", "/api/group-runs/nope"
        }) {
            assertThat(app.send(app.request(path).GET()).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(app.send(app.request("/api/groups/nightly/runs").POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aWrongTokenOrSchemeIsRefused() throws Exception {
        assertThat(app.send(app.request("/api/pipelines")
                                .header("Authorization", "Bearer " + TestApp.API_TOKEN + "x")
                                .GET())
                        .statusCode())
                .isEqualTo(401);
        String basic =
                Base64.getEncoder().encodeToString(("user:" + TestApp.API_TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(app.send(app.request("/api/pipelines")
                                .header("Authorization", "Basic " + basic)
                                .GET())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theConfiguredTokenIsAccepted() throws Exception {
        assertThat(app.get("/api/pipelines").statusCode()).isEqualTo(200);
        assertThat(app.post("/api/pipelines/orders/runs", "").statusCode()).isEqualTo(202);
    }

    @Test
    void basicCredentialsWorkWhenChosen() throws Exception {
        try (TestApp basicApp = TestApp.with(standIn, PIPELINES)
                .property("api.auth", "basic")
                .property("api.username", "ops")
                .property("api.password", "pa55-word")
                .start()) {
            String good = Base64.getEncoder().encodeToString("ops:pa55-word".getBytes(StandardCharsets.UTF_8));
            String bad = Base64.getEncoder().encodeToString("ops:guess".getBytes(StandardCharsets.UTF_8));

            assertThat(basicApp.send(basicApp.request("/api/pipelines")
                                    .header("Authorization", "Basic " + good)
                                    .GET())
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> refused = basicApp.send(basicApp.request("/api/pipelines")
                    .header("Authorization", "Basic " + bad)
                    .GET());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        }
    }

    @Test
    void theDevProfileNeedsNoCredentials() throws Exception {
        try (TestApp devApp = TestApp.with(standIn, PIPELINES)
                .property("camel.main.profile", "dev")
                .property("api.token", "")
                .start()) {
            assertThat(devApp.send(devApp.request("/api/pipelines").GET()).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void withoutAConfiguredTokenOneIsGeneratedIntoTheDataDirNotTheLog() throws Exception {
        try (TestApp generated =
                TestApp.with(standIn, PIPELINES).property("api.token", "").start()) {
            Path file = Path.of(generated.property("data.dir")).resolve("api-token");
            String token = Files.readString(file).trim();

            assertThat(token).hasSizeGreaterThanOrEqualTo(40);
            assertThat(generated.send(generated.request("/api/pipelines").GET()).statusCode())
                    .isEqualTo(401);
            assertThat(generated
                            .send(generated
                                    .request("/api/pipelines")
                                    .header("Authorization", "Bearer " + token)
                                    .GET())
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
