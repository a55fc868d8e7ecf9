package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A job-creating POST whose answer never arrives may still have created the job. */
class LostAnswerTest {
    private AirbyteStandIn standIn;

    @BeforeEach
    void start() {
        standIn = AirbyteStandIn.start(StandInScenarios.standard(), 0);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void timedOutStartIsOutcomeUnknownAndTheJobIsFoundAfterwards(ApiFlavour flavour) {
        AirbyteClient client = AirbyteClients.create(StandInClients.settings(standIn, flavour)
                .requestTimeout(Duration.ofMillis(300))
                .build());
        String slow = StandInScenarios.productionId("slow");
        Instant before = Instant.now();
        standIn.faults().slowJobCreation(Duration.ofSeconds(1));

        AirbyteUnavailableException lost =
                catchThrowableOfType(() -> client.startJob(slow, JobType.SYNC), AirbyteUnavailableException.class);

        assertThat(lost.outcomeUnknown()).isTrue();
        assertThat(lost)
                .hasMessageContaining("timed out")
                .hasMessageContaining("looks for it among the connection's newer jobs");
        Optional<AirbyteJob> found = await().atMost(Duration.ofSeconds(10))
                .until(() -> client.findJobCreatedSince(slow, JobType.SYNC, before), Optional::isPresent);
        assertThat(found.orElseThrow().connectionId()).isEqualTo(slow);
        assertThat(standIn.jobsOf(slow)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void droppedStartIsOutcomeUnknownAndNothingIsFoundWhenNothingWasCreated(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);
        String orders = StandInScenarios.productionId("orders");
        Instant before = Instant.now();
        standIn.faults().dropNext(1);

        AirbyteUnavailableException lost =
                catchThrowableOfType(() -> client.startJob(orders, JobType.SYNC), AirbyteUnavailableException.class);

        assertThat(lost.outcomeUnknown()).isTrue();
        assertThat(client.findJobCreatedSince(orders, JobType.SYNC, before)).isEmpty();
        assertThat(standIn.jobsOf(orders)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void jobsCreatedBeforeTheCallDoNotCount(ApiFlavour flavour) {
        AirbyteClient client = StandInClients.client(standIn, flavour);
        String orders = StandInScenarios.productionId("orders");
        client.startJob(orders, JobType.SYNC);

        assertThat(client.findJobCreatedSince(
                        orders, JobType.SYNC, Instant.now().plusSeconds(5)))
                .isEmpty();
        assertThat(client.findJobCreatedSince(
                        orders, JobType.RESET, Instant.now().minusSeconds(60)))
                .isEmpty();
    }
}
