package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorMappingTest {
    private AirbyteStandIn standIn;
    private long jobId;

    @BeforeEach
    void start() {
        standIn = AirbyteStandIn.start(StandInScenarios.standard(), 0);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private AirbyteClient clientWithAJob(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);
        jobId = client.startJob(StandInScenarios.productionId("slow"), JobType.SYNC)
                .job()
                .jobId();
        return client;
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void serverErrorIsUnavailableAndNamesTheCall(ApiFlavour flavour) {
        AirbyteClient client = clientWithAJob(flavour);
        standIn.faults().failNext(1, 503);

        AirbyteUnavailableException e =
                catchThrowableOfType(() -> client.getJob(jobId), AirbyteUnavailableException.class);

        assertThat(e.outcomeUnknown()).isFalse();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e).hasMessageContaining("503").hasMessageContaining("/jobs");
        assertThat(client.getJob(jobId).jobId()).isEqualTo(jobId);
    }

    /** A gateway's 502 can come after Airbyte created the job: the next try must look before it POSTs again. */
    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void serverErrorToAJobPostLeavesItsOutcomeUnknown(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);
        standIn.faults().failNext(1, 502);

        AirbyteUnavailableException e = catchThrowableOfType(
                () -> client.startJob(StandInScenarios.productionId("slow"), JobType.SYNC),
                AirbyteUnavailableException.class);

        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e).hasMessageContaining("502").hasMessageContaining("the job may have been created");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void rateLimitCarriesRetryAfter(ApiFlavour flavour) {
        AirbyteClient client = clientWithAJob(flavour);
        standIn.faults().rateLimitNext(1, 7);

        AirbyteUnavailableException e =
                catchThrowableOfType(() -> client.getJob(jobId), AirbyteUnavailableException.class);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e).hasMessageContaining("429");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void rateLimitWithoutRetryAfterIsStillUnavailable(ApiFlavour flavour) {
        AirbyteClient client = clientWithAJob(flavour);
        standIn.faults().rateLimitNext(1, null);

        AirbyteUnavailableException e =
                catchThrowableOfType(() -> client.getJob(jobId), AirbyteUnavailableException.class);

        assertThat(e.retryAfter()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void readTimeoutIsUnavailableButNotOutcomeUnknownForReads(ApiFlavour flavour) {
        AirbyteClient client = AirbyteClients.create(StandInClients.settings(standIn, flavour)
                .requestTimeout(Duration.ofMillis(300))
                .build());
        standIn.faults().delayNext(1, Duration.ofSeconds(2));

        AirbyteUnavailableException e =
                catchThrowableOfType(client::listConnections, AirbyteUnavailableException.class);

        assertThat(e.outcomeUnknown()).isFalse();
        assertThat(e).hasMessageContaining("timed out");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void serverErrorOnStartIsNotRetriedByTheClient(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);
        String orders = StandInScenarios.productionId("orders");
        standIn.faults().failNext(1, 502);

        catchThrowableOfType(() -> client.startJob(orders, JobType.SYNC), AirbyteUnavailableException.class);

        assertThat(standIn.jobsOf(orders)).isEmpty();
        assertThat(standIn.calls())
                .filteredOn(call -> call.method().equals("POST"))
                .hasSize(1);
    }
}
