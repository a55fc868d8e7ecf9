package org.camelbyte.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camelbyte.app.TestApp;
import org.camelbyte.run.Run;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/**
 * Firings missed while the app was down, as Quartz's job store in the state database finds them at the next
 * start: with {@code misfire: run_once} one run at once (at a time off the cron's grid, which tells it
 * from a regular firing), with {@code skip} none; the missed firings themselves never run. The catch-up
 * queues behind a run the earlier start left in flight. A schedule
 * removed from the file is removed from the job store.
 */
class MisfireTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - name: catch-up
                connection: orders (TEST)
                schedule: { cron: "0/5 * * * * ?", misfire: run_once, whenBusy: queue }
              - name: no-catch-up
                connection: crm (TEST)
                schedule: { cron: "0/5 * * * * ?", misfire: skip }
            """;
    /** A pipeline the first start has and the second has not: its schedule must go from the job store. */
    private static final String REMOVED = """
              - name: removed
                connection: orders (TEST)
                schedule: { cron: "0 0 3 * * ?" }
            """;

    private static final long GRID_MS = 5000;

    @Test
    void aMissedFiringRunsOnceOrIsSkippedPerPipeline() throws Exception {
        try (AirbyteStandIn standIn =
                AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0)) {
            TestApp before = TestApp.with(standIn, PIPELINES + REMOVED)
                    .property("schedules.misfire-threshold", "1s")
                    .start();
            assertThat(storedTriggers(before, "removed")).isEqualTo(1);
            // a firing before the stop: its run may still be in flight at the restart, and the catch-up must
            // then wait behind it (whenBusy: queue), not vanish
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !firings(before, "catch-up").isEmpty());
            before.close();
            Instant down = Instant.now();
            // down for longer than a firing plus the misfire threshold
            await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(down.plusMillis(GRID_MS + 2000)));

            Instant restart = Instant.now();
            try (TestApp after = TestApp.with(standIn, PIPELINES)
                    .property("schedules.misfire-threshold", "1s")
                    .sameStateAs(before)
                    .start()) {
                assertThat(storedTriggers(after, "removed"))
                        .as("schedule of a pipeline no longer in the file")
                        .isZero();
                await().atMost(Duration.ofSeconds(30))
                        .until(() ->
                                firings(after, "catch-up").stream().anyMatch(t -> !onGrid(t) && !t.isBefore(restart)));
                // since the restart: the first start's own first firing is off the grid too when that start took
                // longer than the misfire threshold (a loaded machine), and run_once catches it up at once
                assertThat(firings(after, "catch-up"))
                        .filteredOn(t -> !onGrid(t) && !t.isBefore(restart))
                        .as("catch-up firings at start")
                        .hasSize(1);
                assertThat(firings(after, "no-catch-up"))
                        .as("no-catch-up fires only on its grid")
                        .allMatch(MisfireTest::onGrid);
                for (String pipeline : List.of("catch-up", "no-catch-up")) {
                    assertThat(firings(after, pipeline))
                            .as(pipeline + ": firings missed while down")
                            .noneMatch(t -> t.isAfter(down.plusSeconds(1)) && t.isBefore(restart));
                }
            }
        }
    }

    /** The scheduled times of a pipeline's runs, from their request ids (schedule:<pipeline>:<time>). */
    private static List<Instant> firings(TestApp app, String pipeline) {
        return app.runStore().recentRuns(pipeline, 100).stream()
                .map(Run::getRequestId)
                .map(id -> Instant.parse(id.substring(("schedule:" + pipeline + ":").length())))
                .toList();
    }

    private static long storedTriggers(TestApp app, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(app.stateJdbcUrl());
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean onGrid(Instant firing) {
        return firing.toEpochMilli() % GRID_MS == 0;
    }
}
