package org.camelbyte.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request bodies the API refuses, each with the reason, before any run is started; and the same status
 * for the same kind of mistake on every part of the API.
 */
class RequestLimitsTest {
    static AirbyteStandIn standIn;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
        app = TestApp.with(standIn, ApiAuthTest.PIPELINES).start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void aBodyOverTheApiLimitIsRefusedWithItsSize() throws Exception {
        HttpResponse<String> response = app.post(
                "/api/pipelines/orders/runs", "{\"requestId\": \"big\", \"jobType\": \"" + "x".repeat(20_000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than 16384 bytes");
    }

    @Test
    void aBodyOverTheServerLimitIsRefusedBeforeAnyRouteReadsIt() throws Exception {
        HttpResponse<String> response = app.post("/api/pipelines/orders/runs", "x".repeat(100_000));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void unknownFieldsAreRefusedByName() throws Exception {
        HttpResponse<String> response =
                app.post("/api/pipelines/orders/runs", "{\"requestId\": \"r-1\", \"connectionId\": \"x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("Field 'connectionId' is not accepted here")
                .contains("requestId, jobType");
    }

    @Test
    void bodiesThatAreNotObjectsOrHoldNonTextAreRefused() throws Exception {
        assertThat(app.post("/api/pipelines/orders/runs", "[1, 2]").body()).contains("not a JSON object");
        assertThat(app.post("/api/pipelines/orders/runs", "{\"requestId\": 42}").body())
                .contains("must be a non-empty text");
        assertThat(app.post("/api/pipelines/orders/runs", "{\"requestId\": \"has spaces\"}")
                        .body())
                .contains("requestId must be 1-200 letters");
        assertThat(app.post("/api/pipelines/orders/runs", "{\"jobType\": \"truncate\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void groupRunBodiesFollowTheSameSchema() throws Exception {
        HttpResponse<String> response =
                app.post("/api/groups/nightly/runs", "{\"requestId\": \"g-1\", \"pipeline\": \"orders\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Field 'pipeline' is not accepted here");
    }

    @Test
    void anythingUnknownIsNotFoundWithWhatWasAskedFor() throws Exception {
        assertNotFound(app.post("/api/pipelines/nope/runs", ""), "nope");
        assertNotFound(app.get("/api/runs/no-such-run"), "no-such-run");
        assertNotFound(app.post("/api/groups/no-group/runs", ""), "no-group");
        assertNotFound(app.get("/api/group-runs/no-group-run"), "no-group-run");
        assertNotFound(app.post("/api/group-runs/no-group-run/retry", ""), "no-group-run");
    }

    @Test
    void badBodiesAreRefusedTheSameWayOnRunsAndGroupRuns() throws Exception {
        for (String path : new String[] {"/api/pipelines/orders/runs", "/api/groups/any/runs"}) {
            HttpResponse<String> response = app.post(path, "{\"requestId\": \"bad id with spaces\"}");
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("requestId must be 1-200 letters");
        }
    }

    private static void assertNotFound(HttpResponse<String> response, String name) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
        assertThat(response.body()).contains("'" + name + "'");
    }
}
