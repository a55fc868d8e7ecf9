package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camelbyte.standin.AirbyteContract;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.RecordedCall;
import org.camelbyte.standin.StandInAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every request the client sends, in every operation, is one Airbyte's own specs accept. */
class ContractTest {
    private AirbyteStandIn standIn;

    @AfterEach
    void stop() {
        standIn.close();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void everyOperationSendsSpecValidRequests(ApiFlavour flavour) {
        standIn = AirbyteStandIn.start(
                StandInScenarios.standard().withAuth(StandInAuth.clientCredentials("app-1", "secret-1")), 0);
        AirbyteClient client = AirbyteClients.create(StandInClients.settings(standIn, flavour)
                .clientCredentials("app-1", "secret-1")
                .build());
        String slow = StandInScenarios.productionId("slow");
        String customers = StandInScenarios.productionId("customers");
        Instant before = Instant.now();

        client.listConnections();
        long jobId = client.startJob(slow, JobType.SYNC).job().jobId();
        client.startJob(slow, JobType.SYNC);
        client.findJobCreatedSince(slow, JobType.SYNC, before);
        client.newestJobIdOverall();
        client.newestJobId(slow);
        client.getJob(jobId);
        client.cancelJob(jobId);
        long resetId = client.startJob(customers, JobType.RESET).job().jobId();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.getJob(resetId).status().isTerminal());

        List<String> requestViolations = standIn.calls().stream()
                .flatMap(call -> AirbyteContract.get().violations(call).stream()
                        .filter(v -> v.contains("validation.request"))
                        .filter(v -> !(isTokenCall(call) && v.contains("[\"grant_type\"]")))
                        .map(v -> call.method() + " " + call.path() + ": " + v))
                .toList();
        assertThat(requestViolations).isEmpty();
        assertThat(standIn.calls()).anyMatch(ContractTest::isTokenCall);
    }

    /**
     * The spec's token request requires {@code grant_type} yet declares only {@code grant-type} and allows
     * nothing else, so no body can pass; the client sends what Airbyte's server reads and nothing more.
     * Responses are the stand-in's business (and the public spec's mapper schemas do not load).
     */
    private static boolean isTokenCall(RecordedCall call) {
        return call.path().endsWith("/applications/token");
    }
}
