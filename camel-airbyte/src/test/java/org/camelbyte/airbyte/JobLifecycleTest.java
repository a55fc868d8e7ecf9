package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobLifecycleTest {
    private AirbyteStandIn standIn;

    @BeforeEach
    void start() {
        standIn = AirbyteStandIn.start(StandInScenarios.standard(), 0);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private String idOf(String name) {
        return StandInScenarios.productionId(name);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void syncRunsToSuccessWithCounts(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);
        String orders = idOf("orders");

        TriggeredJob triggered = client.startJob(orders, JobType.SYNC);

        assertThat(triggered.adopted()).isFalse();
        assertThat(triggered.job().connectionId()).isEqualTo(orders);
        assertThat(triggered.job().jobType()).isEqualTo(JobType.SYNC);
        long jobId = triggered.job().jobId();
        AirbyteJob done = await().atMost(Duration.ofSeconds(10))
                .until(() -> client.getJob(jobId), job -> job.status().isTerminal());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.rowsSynced()).isPositive();
        assertThat(done.createdAt()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void failedJobCarriesTheConfigApiFailureReason(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);
        long jobId = client.startJob(idOf("broken"), JobType.SYNC).job().jobId();

        AirbyteJob done = await().atMost(Duration.ofSeconds(10))
                .until(() -> client.getJob(jobId), job -> job.status().isTerminal());

        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        if (flavour == ApiFlavour.CONFIG) {
            assertThat(done.failureReason()).contains("Source said no");
            assertThat(done.attempts()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void cancelEndsARunningJob(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);
        long jobId = client.startJob(idOf("slow"), JobType.SYNC).job().jobId();

        client.cancelJob(jobId);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.getJob(jobId).status(), status -> status == JobStatus.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void resetStartsAResetJob(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);

        AirbyteJob reset = client.startJob(idOf("customers"), JobType.RESET).job();

        assertThat(reset.jobType()).isEqualTo(JobType.RESET);
        assertThat(client.getJob(reset.jobId()).jobType()).isEqualTo(JobType.RESET);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void clearStartsAClearJob(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);

        AirbyteJob clear = client.startJob(idOf("customers"), JobType.CLEAR).job();

        assertThat(client.getJob(clear.jobId()).jobType()).isEqualTo(JobType.CLEAR);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void runningSyncIsAdoptedInsteadOfStartingAnother(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);
        String slow = idOf("slow");
        TriggeredJob first = client.startJob(slow, JobType.SYNC);

        TriggeredJob second = client.startJob(slow, JobType.SYNC);

        assertThat(second.adopted()).isTrue();
        assertThat(second.job().jobId()).isEqualTo(first.job().jobId());
        assertThat(standIn.jobsOf(slow)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void inactiveConnectionIsRejectedWithAdvice(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);

        assertThatThrownBy(() -> client.startJob(idOf("paused"), JobType.SYNC))
                .isInstanceOf(AirbyteRejectedException.class)
                .hasMessageContaining("not active")
                .hasMessageContaining("enable it in Airbyte");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void unknownJobIsRejectedWithAClearMessage(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);

        assertThatThrownBy(() -> client.getJob(987_654))
                .isInstanceOf(AirbyteRejectedException.class)
                .hasMessageContaining("no job 987654");
    }
}
