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

/** Every part of the API answers the same status for the same kind of mistake, with a sentence naming it. */
class ApiErrorStatusTest {
    static AirbyteStandIn standIn;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("src/test/resources/scenarios/flow.yaml")), 0);
        app = TestApp.with(standIn, ApiAuthTest.PIPELINES).start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
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
