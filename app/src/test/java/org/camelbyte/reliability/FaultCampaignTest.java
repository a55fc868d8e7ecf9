package org.camelbyte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.camelbyte.app.TestApp;
import org.camelbyte.flow.Runs;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.ScenarioConnection;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The product's reliability bar, measured: waves of runs through the real app against a stand-in that
 * fails at random (seeded), sheds load in bursts with and without Retry-After, answers past the client
 * timeout, drops connections, creates jobs slowly, answers job POSTs after the client gave up, restarts
 * its web server, keeps a clock 5 minutes off ours with times to the minute; and the app itself restarts
 * mid-run. Every accepted run must end with an outcome, no connection may get more Airbyte jobs than runs
 * asked for, and no run may be lost.
 */
@Tag("load")
class FaultCampaignTest {
    private static final long SEED = 418L;
    private static final int CONNECTIONS = 40;
    private static final int WAVES = 5;
    // a wave's runs retry through an often-open breaker (every failed look of the job watcher counts in it), so
    // a wave may need most of a minute; a run still retrying is not lost, and this leaves it time to end
    private static final Duration WAVE_LIMIT = Duration.ofSeconds(60);

    private final RunLedger ledger = new RunLedger();
    private final CircuitOpenings openings = new CircuitOpenings();
    private final StandInScenario scenario = CampaignScenario.standIn(CONNECTIONS);
    private final String pipelines = CampaignScenario.pipelinesYaml(CONNECTIONS);
    private AirbyteStandIn standIn;
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    @Test
    void everyRunEndsWithAnOutcomeWithoutDuplicateJobsOrLostRuns() throws Exception {
        standIn = AirbyteStandIn.start(scenario, 0);
        // 8 % 5xx, 5 % 429, 3 % dropped, 4 % answers up to 1.5 s late against a 500 ms client timeout
        standIn.faults().random(SEED, 0.08, 0.05, 0.03, 0.04, Duration.ofMillis(1500));
        // Airbyte's clock 5 minutes behind ours, its times without seconds (waves 1-4; 5 minutes ahead in wave 5)
        standIn.behaviours().clockSkew(Duration.ofMinutes(-5)).minuteTimestamps(true);
        app = startApp(TestApp.with(standIn, pipelines));

        standIn.faults().rateLimitNext(10, 1);
        awaitOutcomes(startWave(1));

        standIn.faults().rateLimitNext(10, null).slowJobCreation(Duration.ofMillis(300));
        List<AcceptedRun> wave2 = startWave(2);
        awaitRunning(wave2);
        standIn.stopHttp();
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        standIn.startHttp();
        standIn.faults().slowJobCreation(Duration.ZERO);
        awaitOutcomes(wave2);

        standIn.faults().failNext(10, 503);
        List<AcceptedRun> wave3 = startWave(3);
        awaitRunning(wave3);
        TestApp stopped = app;
        stopped.close();
        app = startApp(TestApp.with(standIn, pipelines).sameStateAs(stopped));
        awaitOutcomes(wave3);

        for (int wave = 4; wave <= WAVES; wave++) {
            // every job POST creates its job at once and answers after the 500 ms client timeout
            standIn.faults().failNext(8, 500).dropNext(3).slowJobAnswer(Duration.ofMillis(900));
            if (wave == WAVES) {
                standIn.behaviours().clockSkew(Duration.ofMinutes(5));
            }
            awaitOutcomes(startWave(wave));
        }

        Runs.awaitEveryJobPostHandled(app, standIn);
        CampaignFigures figures = figures();
        System.out.println(figures.lines());
        assertThat(figures.accepted()).isGreaterThanOrEqualTo(200);
        assertThat(figures.lost()).as("runs lost").isZero();
        assertThat(figures.withOutcome()).as("runs with an outcome").isEqualTo(figures.accepted());
        assertThat(figures.duplicateJobs()).as("duplicate Airbyte jobs").isZero();
    }

    private TestApp startApp(TestApp.Builder builder) throws Exception {
        TestApp started = builder.property("airbyte.request-timeout", "500ms")
                .property("airbyte.circuit-breaker.open-for", "1s")
                // time is compressed tenfold; give retries enough tries to outlast a 2 s outage of Airbyte
                .property("runs.retry.max-attempts", "20")
                .property("runs.progress-every", "1h")
                // a job POST answered past the 500 ms timeout lands within 1.5 s (the random delays, the slow answers
                // queued on the stand-in's server threads); a second POST waits until the first can no longer land
                .property("runs.unanswered-start-wait", "3s")
                .start();
        openings.attachTo(started);
        return started;
    }

    private List<AcceptedRun> startWave(int wave) throws Exception {
        List<AcceptedRun> runs = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            runs.add(ledger.start(
                    app,
                    CampaignScenario.pipelineName(i),
                    CampaignScenario.connectionName(i),
                    "campaign-" + SEED + "-" + wave + "-" + i));
        }
        return runs;
    }

    /**
     * The next fault should meet runs mid-job; half running will do. Bursts are counted in calls, and an open
     * breaker lets few through, so a burst can outlast the wait: the fault then meets runs still starting.
     */
    private void awaitRunning(List<AcceptedRun> wave) {
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> ledger.countRunning(app, wave) >= wave.size() / 2);
        } catch (ConditionTimeoutException e) {
            System.out.println("fewer than half the wave's runs were running: " + e.getMessage());
        }
    }

    /** A wave that does not finish in time is left to the figures, which then show the runs without an outcome. */
    private void awaitOutcomes(List<AcceptedRun> wave) {
        try {
            await().atMost(WAVE_LIMIT).pollInterval(Duration.ofMillis(250)).until(() -> ledger.allFinal(app, wave));
        } catch (ConditionTimeoutException e) {
            System.out.println("wave did not end within " + WAVE_LIMIT + ": " + e.getMessage());
        }
    }

    private CampaignFigures figures() {
        List<AcceptedRun> accepted = ledger.accepted();
        Map<AcceptedRun, String> statuses = ledger.statuses(app, accepted);
        Map<String, Long> byStatus =
                statuses.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        int withOutcome =
                (int) statuses.values().stream().filter(RunLedger::isFinal).count();
        int lost = byStatus.getOrDefault("lost", 0L).intValue();
        long apiCalls = standIn.callCounts().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return new CampaignFigures(
                accepted.size(),
                withOutcome,
                duplicateJobs(accepted),
                lost,
                apiCalls,
                openings.count(),
                standIn.faults().injected(),
                standIn.faults().slowAnswers(),
                byStatus);
    }

    /** Jobs the stand-in created beyond the runs accepted for each connection. */
    private int duplicateJobs(List<AcceptedRun> accepted) {
        Map<String, Long> runsPerConnection =
                accepted.stream().collect(Collectors.groupingBy(AcceptedRun::connectionName, Collectors.counting()));
        int duplicates = 0;
        for (ScenarioConnection connection : scenario.connections()) {
            int extra = standIn.jobsOf(connection.id()).size()
                    - runsPerConnection.getOrDefault(connection.name(), 0L).intValue();
            if (extra > 0) {
                System.out.println("connection " + connection.name() + ": " + extra + " job(s) more than runs: "
                        + standIn.jobsOf(connection.id()).stream()
                                .map(j -> j.id() + "@" + j.createdAt())
                                .toList());
                duplicates += extra;
            }
        }
        return duplicates;
    }
}
