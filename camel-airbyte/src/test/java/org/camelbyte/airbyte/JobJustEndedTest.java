package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Airbyte refuses a start with 409 "already running" and then lists no unfinished job: the job it meant ended
 * in between (many starts of one connection with short jobs meet this). A 409 created nothing, so the start
 * POSTs again at once instead of failing, and a run of such refusals is a transient failure of its own kind.
 */
class JobJustEndedTest {
    private final String orders = StandInScenarios.productionId("orders");
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
    void aStartRefusedForAJobThatHasJustEndedPostsAgainAndMakesOneJob(ApiFlavour flavour) {
        JobStart jobStart = new JobStart(StandInClients.client(standIn, flavour), JobStart.Calls.DIRECT);
        standIn.faults().conflictNextStarts(JobStart.POSTS_WHEN_JUST_ENDED - 1);

        TriggeredJob started = jobStart.post(orders, JobType.SYNC);

        assertThat(started.adopted()).isFalse();
        assertThat(standIn.jobsOf(orders))
                .singleElement()
                .satisfies(job -> assertThat(job.id()).isEqualTo(started.job().jobId()));
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void refusalsBeyondTheLimitAreTransientAndCreateNothing(ApiFlavour flavour) {
        JobStart jobStart = new JobStart(StandInClients.client(standIn, flavour), JobStart.Calls.DIRECT);
        standIn.faults().conflictNextStarts(JobStart.POSTS_WHEN_JUST_ENDED);

        JobJustEndedException refused =
                catchThrowableOfType(() -> jobStart.post(orders, JobType.SYNC), JobJustEndedException.class);

        assertThat(refused).hasMessageContaining("lists no unfinished job for connection " + orders);
        assertThat(refused.outcomeUnknown()).isFalse();
        assertThat(standIn.jobsOf(orders)).isEmpty();
    }
}
