package org.camelbyte.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camelbyte.standin.StandInClient.json;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StandInFaultsTest {

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
    void failNextAnswersTheStatusThenRecovers() {
        standIn.faults().failNext(2, 503);
        assertThat(client.publicGet("/workspaces").statusCode()).isEqualTo(503);
        assertThat(client.configPost("/workspaces/list", "").statusCode()).isEqualTo(503);
        assertThat(client.publicGet("/workspaces").statusCode()).isEqualTo(200);
        assertThat(standIn.faults().injected()).isEqualTo(2);
        AirbyteContract.get().assertAllValid(standIn.calls());
    }

    @Test
    void pathFilterLimitsTheFault() {
        standIn.faults().failNext(1, 500, "/jobs");
        assertThat(client.publicGet("/workspaces").statusCode()).isEqualTo(200);
        assertThat(client.publicGet("/jobs").statusCode()).isEqualTo(500);
        assertThat(client.publicGet("/jobs").statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitWithAndWithoutRetryAfter() {
        standIn.faults().rateLimitNext(1, 7).rateLimitNext(1, null);
        HttpResponse<String> first = client.publicGet("/workspaces");
        HttpResponse<String> second = client.publicGet("/workspaces");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("7");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void delayAddsLatencyButAnswers() {
        standIn.faults().delayNext(1, Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(client.publicGet("/workspaces").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void dropClosesTheConnectionAndCreatesNoJob() {
        standIn.faults().dropNext(1, "/jobs");
        assertThatThrownBy(() -> client.publicPost(
                        "/jobs", "{\"connectionId\":\"" + TestScenarios.SLOW + "\",\"jobType\":\"sync\"}"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(standIn.jobsCreated()).isZero();
        assertThat(standIn.calls())
                .singleElement()
                .extracting(RecordedCall::responseStatus)
                .isEqualTo(0);
        assertThat(client.publicPost("/jobs", "{\"connectionId\":\"" + TestScenarios.SLOW + "\",\"jobType\":\"sync\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void slowJobCreationDelaysOnlyJobCreation() {
        standIn.faults().slowJobCreation(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(client.configPost("/connections/sync", "{\"connectionId\":\"" + TestScenarios.SLOW + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void randomCampaignIsReproducibleFromItsSeed() {
        assertThat(campaign(42)).isEqualTo(campaign(42)).contains(200, 503, 500);
    }

    @Test
    void faultsDeclaredInTheScenario() {
        StandInScenario scenario = StandInScenario.fromYaml("""
                faults:
                  - {kind: fail, count: 1, status: 502, path: /workspaces}
                  - {kind: rateLimit, count: 1, retryAfterSeconds: 3}
                """);
        try (AirbyteStandIn declared = AirbyteStandIn.start(scenario, 0)) {
            StandInClient other = new StandInClient(declared);
            assertThat(other.publicGet("/workspaces").statusCode()).isEqualTo(502);
            assertThat(other.publicGet("/workspaces").statusCode()).isEqualTo(429);
            assertThat(other.publicGet("/workspaces").statusCode()).isEqualTo(200);
        }
    }

    private List<Integer> campaign(long seed) {
        standIn.faults().clear().random(seed, 0.4, 0, 0, 0, Duration.ZERO);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(client.publicGet("/workspaces").statusCode());
        }
        return statuses;
    }

    @Test
    void unknownIdIsReadAsJson() {
        assertThat(json(client.publicGet("/connections/nope")).get("status").asInt())
                .isEqualTo(404);
    }
}
