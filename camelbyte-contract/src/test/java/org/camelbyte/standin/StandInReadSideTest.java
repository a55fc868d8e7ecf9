package org.camelbyte.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read side orchestrators call before anything else (Dagster's Airbyte client reads the workspace and each
 * connection's source and destination first): served from the scenario, checked against Airbyte's OpenAPI file.
 */
class StandInReadSideTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private AirbyteStandIn standIn;
    private StandInClient client;

    @BeforeEach
    void start() {
        standIn = AirbyteStandIn.start(TestScenarios.fast(), 0);
        client = new StandInClient(standIn);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void aWorkspaceItsSourcesDestinationsAndStreamsAreServedAsTheSpecSays() throws Exception {
        JsonNode connection = json(client.publicGet("/connections/" + TestScenarios.FLAKY));
        String workspaceId = connection.path("workspaceId").asText();
        String sourceId = connection.path("sourceId").asText();
        String destinationId = connection.path("destinationId").asText();

        assertThat(json(client.publicGet("/workspaces/" + workspaceId))
                        .path("workspaceId")
                        .asText())
                .isEqualTo(workspaceId);
        JsonNode source = json(client.publicGet("/sources/" + sourceId));
        assertThat(source.path("workspaceId").asText()).isEqualTo(workspaceId);
        assertThat(source.path("name").asText())
                .isEqualTo(connection.path("name").asText() + " source");
        assertThat(json(client.publicGet("/destinations/" + destinationId))
                        .path("destinationId")
                        .asText())
                .isEqualTo(destinationId);
        assertThat(json(client.publicGet("/sources?workspaceIds=" + workspaceId))
                        .path("data")
                        .findValuesAsText("sourceId"))
                .contains(sourceId);
        assertThat(json(client.publicGet("/destinations?limit=100"))
                        .path("data")
                        .findValuesAsText("destinationId"))
                .contains(destinationId);
        JsonNode streams = json(client.publicGet("/streams?sourceId=" + sourceId));
        assertThat(streams.findValuesAsText("streamName"))
                .containsExactlyElementsOf(
                        connection.at("/configurations/streams").findValuesAsText("name"));

        assertThat(client.publicGet("/workspaces/00000000-0000-0000-0000-00000000dead")
                        .statusCode())
                .isEqualTo(404);
        assertThat(client.publicGet("/sources/00000000-0000-0000-0000-00000000dead")
                        .statusCode())
                .isEqualTo(404);
        // the answers and requests against the spec, but the 404s: Airbyte's problem body is not declared there
        AirbyteContract.get()
                .assertAllValid(standIn.calls().stream()
                        .filter(call -> !call.path().endsWith("dead"))
                        .toList());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
