package org.camelbyte.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camelbyte.app.TestApp;
import org.camelbyte.run.RunStatus;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/** Fifty syncs of several seconds each, all at once: every one completes and no thread is held per sync. */
class ConcurrentSyncsTest {
    static final int SYNCS = 50;

    @Test
    void fiftyConcurrentSyncsCompleteWithABoundedThreadCount() throws Exception {
        StringBuilder scenario = new StringBuilder("timeScale: 0.1\nworkspaces: [{name: Load}]\nconnections:\n");
        StringBuilder pipelines = new StringBuilder("defaults: { pollInterval: 500ms, timeout: 2m }\npipelines:\n");
        for (int i = 0; i < SYNCS; i++) {
            scenario.append("  - {name: 'load ")
                    .append(i)
                    .append("', workspace: Load, streams: [rows], job: [")
                    .append(
                            "{status: pending, seconds: 5}, {status: running, seconds: 40, rowsPerSecond: 100}, {status: succeeded}]}\n");
            pipelines
                    .append("  - { name: load-")
                    .append(i)
                    .append(", connection: 'load ")
                    .append(i)
                    .append("' }\n");
        }
        try (AirbyteStandIn standIn = AirbyteStandIn.start(StandInScenario.fromYaml(scenario.toString()), 0);
                TestApp app = TestApp.with(standIn, pipelines.toString()).start()) {
            int before = appThreads();
            AtomicInteger peak = new AtomicInteger(before);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(
                    () -> peak.accumulateAndGet(appThreads(), Math::max), 0, 50, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            List<String> runIds = new ArrayList<>();
            for (int i = 0; i < SYNCS; i++) {
                runIds.add(app.startRun("load-" + i));
            }

            // pools for inbound HTTP, the broker and job starts warm up while runs are accepted; from here on
            // the 50 syncs are only being followed, which must not take a thread each
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> runIds.stream()
                            .allMatch(
                                    id -> app.runStore().find(id).orElseThrow().getJobId() != null));
            int whileFollowing = appThreads();
            AtomicInteger peakWhileFollowing = new AtomicInteger(whileFollowing);
            sampler.scheduleAtFixedRate(
                    () -> peakWhileFollowing.accumulateAndGet(appThreads(), Math::max), 0, 50, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> runIds.stream()
                            .allMatch(
                                    id -> app.runStore().find(id).orElseThrow().isFinal()));
            sampler.shutdownNow();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

            System.out.printf(
                    "%d concurrent syncs of ~4.5 s: all done in %d s; live app threads %d before, peak %d;"
                            + " %d when all had started, peak %d while following them%n",
                    SYNCS, seconds, before, peak.get(), whileFollowing, peakWhileFollowing.get());
            assertThat(runIds)
                    .allSatisfy(id -> assertThat(
                                    app.runStore().find(id).orElseThrow().getStatus())
                            .isEqualTo(RunStatus.SUCCEEDED));
            // a thread per sync would add 50; following shares a handful of pool threads (the broker's own
            // pools may still grow a little as outcome events flow, so the bar is half of that, not zero)
            assertThat(peakWhileFollowing.get() - whileFollowing).isLessThan(SYNCS / 2);
        }
    }

    /** Live threads of this JVM but the stand-in's own server threads, which stand for Airbyte, not the app. */
    private static int appThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("standin-"))
                .count();
    }
}
