package org.camelbyte.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camelbyte.app.TestApp;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quartz schedules: a firing starts a run; a firing while the last run still goes is skipped. */
class ScheduleTest {
    // events (TEST) runs 20 scripted seconds = 1 s; a cron firing every second overlaps it
    static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - name: every-second
                connection: events (TEST)
                schedule: { cron: "* * * * * ?", timeZone: Europe/Paris }
            """;
    static StandInScenario scenario;
    static AirbyteStandIn standIn;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        scenario = StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml"));
        standIn = AirbyteStandIn.start(scenario, 0);
        app = TestApp.with(standIn, PIPELINES).start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void firingsStartRunsThatNeverOverlap() {
        String events = scenario.connectionNamed("Test", "events (TEST)").id();

        await().atMost(Duration.ofSeconds(20)).until(() -> succeededRuns().size() >= 2);

        List<Run> runs = succeededRuns();
        assertThat(runs).allSatisfy(run -> assertThat(run.getTrigger()).isEqualTo("schedule"));
        // newest first: each run started only after the one before it had ended
        for (int i = 0; i + 1 < runs.size(); i++) {
            assertThat(runs.get(i).getStartedAt())
                    .isAfterOrEqualTo(runs.get(i + 1).getEndedAt());
        }
        // firings in a busy second were skipped, so Airbyte never saw a second sync while one ran
        assertThat(standIn.calls()).noneMatch(call -> call.responseStatus() == 409);
        assertThat(standIn.jobsOf(events))
                .hasSizeLessThanOrEqualTo(
                        app.runStore().recentRuns("every-second", 100).size());
    }

    private List<Run> succeededRuns() {
        return app.runStore().recentRuns("every-second", 100).stream()
                .filter(run -> run.getStatus() == RunStatus.SUCCEEDED)
                .toList();
    }
}
