package org.camelbyte.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camelbyte.app.TestApp;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/** Firings missed while the app was down: run once at start-up, or skip, per pipeline. */
class MisfireTest {
    static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - name: catch-up
                connection: orders (TEST)
                schedule: { cron: "0 * * * * ?", misfire: run_once }
              - name: no-catch-up
                connection: crm (TEST)
                schedule: { cron: "0 * * * * ?", misfire: skip }
            """;

    @Test
    void aMissedFiringRunsOnceOrIsSkippedPerPipeline() throws Exception {
        Instant lastRun = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        try (AirbyteStandIn standIn = AirbyteStandIn.start(
                StandInScenario.load(Path.of("src/test/resources/scenarios/flow.yaml")), 0)) {
            TestApp before = TestApp.with(standIn, PIPELINES).start();
            before.runStore().insertOrGetExisting(finishedRun("catch-up", lastRun));
            before.runStore().insertOrGetExisting(finishedRun("no-catch-up", lastRun));
            before.close();

            try (TestApp after = TestApp.with(standIn, PIPELINES).sameStateAs(before).start()) {
                String missed = "schedule:catch-up:" + lastRun.plus(1, ChronoUnit.MINUTES);
                await().atMost(Duration.ofSeconds(20)).until(() -> after.runStore().findByRequestId(missed)
                        .map(Run::getStatus).filter(status -> status == RunStatus.SUCCEEDED).isPresent());
                assertThat(after.runStore().findByRequestId("schedule:no-catch-up:" + lastRun.plus(1, ChronoUnit.MINUTES)))
                        .isEmpty();
            }
        }
    }

    private static Run finishedRun(String pipeline, Instant at) {
        Run run = new Run();
        run.setRunId("old-" + pipeline);
        run.setRequestId("old-" + pipeline);
        run.setPipeline(pipeline);
        run.setConnectionName("-");
        run.setJobType("sync");
        run.setTrigger("schedule");
        run.setStatus(RunStatus.SUCCEEDED);
        run.setStartedAt(at);
        run.setEndedAt(at.plusSeconds(5));
        return run;
    }
}
