package org.camelbyte.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.camelbyte.pipeline.Watchdog;
import org.camelbyte.pipeline.Watchdog.Action;
import org.camelbyte.run.Run;
import org.junit.jupiter.api.Test;

/**
 * A waiting run whose job does not change sleeps until something falls due, not every poll interval: with
 * thousands of runs polling every second, the per-interval wake-ups were most of the app's CPU.
 */
class NextLookTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofSeconds(1);

    @Test
    void aQuietRunningJobIsLookedAtForItsProgressLineOnlyNotEveryPollInterval() {
        Run run = running(NOW.plus(Duration.ofHours(6)));

        assertThat(NextLook.after(run, Watchdog.OFF, NOW, PROGRESS_EVERY, POLL))
                .isGreaterThanOrEqualTo(PROGRESS_EVERY)
                .isLessThan(PROGRESS_EVERY.plusMillis(10));
    }

    @Test
    void theDeadlineAndTheWatchdogsLimitsWakeTheRunJustAfterThey() {
        assertThat(NextLook.after(running(NOW.plusMillis(300)), Watchdog.OFF, NOW, PROGRESS_EVERY, POLL))
                .as("the deadline in 300 ms")
                .isEqualTo(Duration.ofMillis(301));

        Run pending = running(NOW.plus(Duration.ofHours(6)));
        pending.setJobStatus("pending");
        pending.setJobStatusSince(NOW.minusSeconds(58));
        Watchdog pendingFor = new Watchdog(Duration.ofMinutes(1), null, 0, Action.CANCEL, Action.WARN, Action.WARN);
        assertThat(NextLook.after(pending, pendingFor, NOW, PROGRESS_EVERY, POLL))
                .as("pendingFor passes in 2 s")
                .isEqualTo(Duration.ofMillis(2001));

        Run stalled = running(NOW.plus(Duration.ofHours(6)));
        stalled.setProgressAt(NOW.minusSeconds(59));
        Watchdog noProgress = new Watchdog(null, Duration.ofMinutes(1), 0, Action.WARN, Action.CANCEL, Action.WARN);
        assertThat(NextLook.after(stalled, noProgress, NOW, PROGRESS_EVERY, POLL))
                .as("noProgressFor passes in 1 s")
                .isEqualTo(Duration.ofMillis(1001));
    }

    @Test
    void somethingAlreadyDueIsLookedAtEveryPollIntervalNeverInABusyLoop() {
        // past the deadline with the watcher out of sight of the job: the run keeps looking, as often as it polls
        assertThat(NextLook.after(running(NOW.minusSeconds(30)), Watchdog.OFF, NOW, PROGRESS_EVERY, POLL))
                .isEqualTo(POLL);
    }

    private static Run running(Instant deadline) {
        Run run = new Run();
        run.setJobStatus("running");
        run.setJobStatusSince(NOW.minusSeconds(10));
        run.setProgressAt(NOW.minusSeconds(1));
        run.setDeadline(deadline);
        return run;
    }
}
