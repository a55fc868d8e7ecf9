package org.camelbyte.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobTimelineTest {

    private final JobTimeline flaky = new JobTimeline(
            List.of(
                    JobPhase.of("pending", 1),
                    new JobPhase("running", 3d, 100L, 10L, null),
                    new JobPhase("incomplete", 2d, null, null, "Source timed out"),
                    new JobPhase("running", 2d, 100L, 10L, null),
                    JobPhase.of("succeeded", 0)),
            List.of("a", "b"));

    @Test
    void pendingHasNoAttempt() {
        JobSnapshot s = flaky.at(0.5);
        assertThat(s.status()).isEqualTo("pending");
        assertThat(s.attempts()).isEmpty();
        assertThat(s.startOffset()).isNull();
    }

    @Test
    void rowsGrowWhileRunning() {
        JobSnapshot s = flaky.at(2);
        assertThat(s.status()).isEqualTo("running");
        assertThat(s.rows()).isEqualTo(100);
        assertThat(s.bytes()).isEqualTo(1000);
        assertThat(s.streams()).extracting(StreamRows::rows).containsExactly(50L, 50L);
    }

    @Test
    void incompleteEndsTheFirstAttemptWithItsFailure() {
        JobSnapshot s = flaky.at(4.5);
        assertThat(s.status()).isEqualTo("incomplete");
        assertThat(s.attempts()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("failed");
            assertThat(a.failure()).isEqualTo("Source timed out");
            assertThat(a.rows()).isEqualTo(300);
        });
    }

    @Test
    void secondAttemptSucceedsAndTotalsAddUp() {
        JobSnapshot s = flaky.at(100);
        assertThat(s.status()).isEqualTo("succeeded");
        assertThat(s.isTerminal()).isTrue();
        assertThat(s.endOffset()).isEqualTo(8.0);
        assertThat(s.attempts()).extracting(AttemptSnapshot::status).containsExactly("failed", "succeeded");
        assertThat(s.rows()).isEqualTo(500);
        assertThat(s.failure()).isNull();
    }

    @Test
    void theLastChangeListingsAskForIsTheOneTheFullSnapshotShows() {
        for (double t = 0; t <= 10; t += 0.25) {
            assertThat(flaky.lastChangeAt(t))
                    .as("last change at %s", t)
                    .isEqualTo(flaky.at(t).lastChangeOffset());
        }
        // the phase boundaries themselves: pending 0-1, running 1-4, incomplete 4-6, running 6-8, succeeded 8
        assertThat(flaky.lastChangeAt(3.99)).isEqualTo(1.0);
        assertThat(flaky.lastChangeAt(4)).isEqualTo(4.0);
        assertThat(flaky.lastChangeAt(8)).isEqualTo(8.0);
        assertThat(flaky.nextChangeAfter(3.99)).isEqualTo(4.0);
        assertThat(flaky.nextChangeAfter(8)).isInfinite();
    }

    @Test
    void failedJobCarriesItsMessage() {
        JobTimeline broken = new JobTimeline(
                List.of(JobPhase.of("running", 1), new JobPhase("failed", null, null, null, "quota")), List.of());
        JobSnapshot s = broken.at(5);
        assertThat(s.status()).isEqualTo("failed");
        assertThat(s.failure()).isEqualTo("quota");
        assertThat(s.attempts())
                .singleElement()
                .extracting(AttemptSnapshot::failure)
                .isEqualTo("quota");
    }

    @Test
    void cancellingFreezesTheJob() {
        JobSnapshot s = flaky.cancelledAt(2);
        assertThat(s.status()).isEqualTo("cancelled");
        assertThat(s.rows()).isEqualTo(100);
        assertThat(s.attempts())
                .singleElement()
                .extracting(AttemptSnapshot::status)
                .isEqualTo("failed");
        assertThat(flaky.cancelledAt(50).status()).isEqualTo("succeeded");
    }

    @Test
    void scriptMustEndInATerminalPhase() {
        assertThatThrownBy(() -> new JobTimeline(List.of(JobPhase.of("running", 1)), List.of()))
                .hasMessageContaining("must end with");
    }
}
