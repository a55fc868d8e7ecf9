package org.camelbyte.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camelbyte.standin.StandInClient.json;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StandInAuthTest {

    @Test
    void basicAuthNeedsTheRightPassword() {
        try (AirbyteStandIn standIn =
                AirbyteStandIn.start(TestScenarios.fast().withAuth(StandInAuth.basic("airbyte", "password")), 0)) {
            StandInClient client = new StandInClient(standIn);
            assertThat(client.publicGet("/workspaces").statusCode()).isEqualTo(401);
            assertThat(json(client.publicGet("/workspaces")).get("title").asText())
                    .isEqualTo("invalid-api-key");
            client.authorization(basic("airbyte", "wrong"));
            assertThat(client.configPost("/workspaces/list", "").statusCode()).isEqualTo(401);
            client.authorization(basic("airbyte", "password"));
            assertThat(client.publicGet("/workspaces").statusCode()).isEqualTo(200);
            assertThat(client.configPost("/workspaces/list", "").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void bearerAuthNeedsTheStaticToken() {
        try (AirbyteStandIn standIn =
                AirbyteStandIn.start(TestScenarios.fast().withAuth(StandInAuth.bearer("s3cret")), 0)) {
            StandInClient client = new StandInClient(standIn).authorization("Bearer nope");
            assertThat(client.publicGet("/workspaces").statusCode()).isEqualTo(401);
            assertThat(client.authorization("Bearer s3cret")
                            .publicGet("/workspaces")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void clientCredentialsIssueTokensThatExpire() {
        StandInScenario scenario = TestScenarios.fast()
                .withAuth(StandInAuth.clientCredentials("app", "secret"))
                .withTokenTtlSeconds(1);
        try (AirbyteStandIn standIn = AirbyteStandIn.start(scenario, 0)) {
            StandInClient client = new StandInClient(standIn);
            assertThat(client.publicPost(
                                    "/applications/token",
                                    "{\"client_id\":\"app\",\"client_secret\":\"bad\",\"grant_type\":\"client_credentials\"}")
                            .statusCode())
                    .isEqualTo(401);

            HttpResponse<String> issued = client.publicPost(
                    "/applications/token",
                    "{\"client_id\":\"app\",\"client_secret\":\"secret\",\"grant_type\":\"client_credentials\"}");
            assertThat(issued.statusCode()).isEqualTo(200);
            assertThat(json(issued).get("token_type").asText()).isEqualTo("Bearer");
            assertThat(json(issued).get("expires_in").asLong()).isEqualTo(1);
            client.authorization("Bearer " + json(issued).get("access_token").asText());
            assertThat(client.publicGet("/workspaces").statusCode()).isEqualTo(200);
            assertThat(client.configPost("/workspaces/list", "").statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(3))
                    .until(() -> client.publicGet("/workspaces").statusCode() == 401);
            AirbyteContract.get().assertAllValid(standIn.calls());
        }
    }

    @Test
    void formEncodedTokenRequestOnTheConfigApiAndExpireAll() {
        try (AirbyteStandIn standIn = AirbyteStandIn.start(
                TestScenarios.fast().withAuth(StandInAuth.clientCredentials("app", "secret")), 0)) {
            StandInClient client = new StandInClient(standIn);
            HttpResponse<String> issued = client.send(client.request(standIn.configApiUrl() + "/applications/token")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&client_id=app&client_secret=secret")));
            assertThat(issued.statusCode()).isEqualTo(200);
            client.authorization("Bearer " + json(issued).get("access_token").asText());
            assertThat(client.publicGet("/workspaces").statusCode()).isEqualTo(200);
            standIn.expireAllTokens();
            assertThat(client.publicGet("/workspaces").statusCode()).isEqualTo(401);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
