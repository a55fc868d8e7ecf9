package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.RecordedCall;
import org.camelbyte.standin.StandInAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthTest {
    private static final String CLIENT_SECRET = "s3cr3t-client-value";
    private static final String PASSWORD = "pa55-word-value";
    private AirbyteStandIn standIn;

    @AfterEach
    void stop() {
        standIn.close();
    }

    private void start(StandInAuth auth, int tokenTtlSeconds) {
        standIn = AirbyteStandIn.start(
                StandInScenarios.standard().withAuth(auth).withTokenTtlSeconds(tokenTtlSeconds), 0);
    }

    private List<RecordedCall> tokenCalls() {
        return standIn.calls().stream()
                .filter(c -> c.path().endsWith("/applications/token"))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void tokenIsReusedThenRenewedBeforeItRunsOut(ApiFlavour flavour) {
        start(StandInAuth.clientCredentials("app-1", CLIENT_SECRET), 900);
        MutableClock clock = new MutableClock();
        AirbyteClient client = AirbyteClients.create(
                StandInClients.settings(standIn, flavour)
                        .clientCredentials("app-1", CLIENT_SECRET)
                        .build(),
                clock);

        client.listConnections();
        client.listConnections();
        assertThat(tokenCalls()).hasSize(1);

        clock.advance(Duration.ofSeconds(721));
        client.listConnections();
        assertThat(tokenCalls()).hasSize(2);
        assertThat(standIn.calls()).noneMatch(c -> c.responseStatus() == 401);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void refusedTokenIsRenewedOnceAndTheCallRepeated(ApiFlavour flavour) {
        start(StandInAuth.clientCredentials("app-1", CLIENT_SECRET), 900);
        AirbyteClient client = AirbyteClients.create(StandInClients.settings(standIn, flavour)
                .clientCredentials("app-1", CLIENT_SECRET)
                .build());
        client.listConnections();

        standIn.expireAllTokens();
        List<AirbyteConnection> connections = client.listConnections();

        assertThat(connections).isNotEmpty();
        assertThat(tokenCalls()).hasSize(2);
        assertThat(standIn.calls()).filteredOn(c -> c.responseStatus() == 401).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void concurrentCallsAfterExpiryRenewTheTokenOnce(ApiFlavour flavour) throws Exception {
        start(StandInAuth.clientCredentials("app-1", CLIENT_SECRET), 900);
        AirbyteClient client = AirbyteClients.create(StandInClients.settings(standIn, flavour)
                .clientCredentials("app-1", CLIENT_SECRET)
                .build());
        long jobId = client.startJob(StandInScenarios.productionId("slow"), JobType.SYNC)
                .job()
                .jobId();
        standIn.expireAllTokens();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AirbyteJob>> reads =
                    pool.invokeAll(Collections.nCopies(8, (Callable<AirbyteJob>) () -> client.getJob(jobId)));
            for (Future<AirbyteJob> read : reads) {
                assertThat(read.get().jobId()).isEqualTo(jobId);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokenCalls()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void wrongClientSecretIsRejectedWithoutShowingIt(ApiFlavour flavour) {
        start(StandInAuth.clientCredentials("app-1", CLIENT_SECRET), 900);
        String wrong = "wrong-" + CLIENT_SECRET;
        AirbyteClient client = AirbyteClients.create(StandInClients.settings(standIn, flavour)
                .clientCredentials("app-1", wrong)
                .build());

        AirbyteRejectedException e = catchThrowableOfType(client::listConnections, AirbyteRejectedException.class);

        assertThat(e).hasMessageContaining("client secret").hasMessageNotContaining(wrong);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void basicAuthWorksAndAWrongPasswordNeverAppears(ApiFlavour flavour) {
        start(StandInAuth.basic("airbyte", PASSWORD), 900);
        assertThat(AirbyteClients.create(StandInClients.settings(standIn, flavour)
                                .basicAuth("airbyte", PASSWORD)
                                .build())
                        .listConnections())
                .isNotEmpty();

        AirbyteClient wrong = AirbyteClients.create(StandInClients.settings(standIn, flavour)
                .basicAuth("airbyte", "bad-" + PASSWORD)
                .build());
        AirbyteRejectedException e = catchThrowableOfType(wrong::listConnections, AirbyteRejectedException.class);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e).hasMessageContaining("credentials").hasMessageNotContaining(PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void staticBearerTokenIsSent(ApiFlavour flavour) {
        start(StandInAuth.bearer("static-token-1"), 900);
        AirbyteClient client = AirbyteClients.create(StandInClients.settings(standIn, flavour)
                .bearerToken("static-token-1")
                .build());

        assertThat(client.listConnections()).isNotEmpty();
        assertThat(standIn.calls()).allMatch(c -> "Bearer static-token-1".equals(c.header("Authorization")));
    }
}
