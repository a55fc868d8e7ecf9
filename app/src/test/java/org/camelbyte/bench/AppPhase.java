package org.camelbyte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camelbyte.app.TestApp;
import org.camelbyte.intake.RunRequest;
import org.camelbyte.intake.RunRequests;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.ScenarioConnection;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;

/**
 * N syncs through the real app with a phase's settings ({@link AppSettings}): each request goes to
 * {@link RunRequests} (what the HTTP API and the queue call), from 16 client threads at once as independent
 * callers would, so the run is recorded, handed off and followed by the YAML run route. The app keeps its
 * state in the embedded PostgreSQL it starts itself in the phase's own data dir, as shipped, so that
 * server's CPU can be told apart and counted. The app's start-up is not timed, nor one warm-up run on a
 * connection of its own (the run path's first classes, connections and compiled code, which the poller has
 * by the time it runs after the app phases in this JVM); the clock runs from the first request to the last
 * outcome, as the app counts it ({@link RunsEnded}).
 */
final class AppPhase {
    private static final String PIPELINES = "defaults:\n  pollInterval: %dms\n  timeout: 30m\npipelines: []\n";
    private static final int CLIENTS = 16;

    private AppPhase() {}

    /** {@code jfrFile} not null: the timed part is recorded with JFR and dumped there. */
    static PhaseResult run(Workload w, PhaseKind kind, Path jfrFile) throws Exception {
        StandInScenario scenario = BenchScenario.of(w);
        Map<String, String> settings = AppSettings.of(kind);
        Path dataDir = Files.createTempDirectory("camelbyte-bench");
        try (AirbyteStandIn standIn = AirbyteStandIn.start(scenario, 0);
                TestApp app = start(standIn, w, settings, dataDir)) {
            if (kind == PhaseKind.APP_WEBHOOKS) {
                standIn.sendWebhooksTo(app.request("/api/airbyte/webhook/" + AppSettings.WEBHOOK_SECRET)
                        .build()
                        .uri()
                        .toString());
            }
            AppPostgres postgres = AppPostgres.of(dataDir);
            try (RunCounts counts = new RunCounts(postgres.stateJdbcUrl(), app.property("state.username"))) {
                RunRequests requests =
                        app.context().getRegistry().lookupByNameAndType("runRequests", RunRequests.class);
                warmUp(w, requests, counts);
                Harness h = new Harness(scenario, standIn, requests, postgres, counts, new RunsEnded(app.context()));
                return timed(w, kind, limit(w, settings), h, jfrFile);
            }
        } finally {
            // dozens of phases each leave a PostgreSQL data dir of some 40 MB; the server stopped with the app
            delete(dataDir);
        }
    }

    private static TestApp start(AirbyteStandIn standIn, Workload w, Map<String, String> settings, Path dataDir)
            throws Exception {
        TestApp.Builder builder = TestApp.with(
                        standIn, String.format(PIPELINES, w.pollInterval().toMillis()))
                .property("data.dir", dataDir.toString());
        settings.forEach(builder::property);
        return builder.start();
    }

    /** The time limit: the workload's, plus what a start rate limit, if set, alone takes to start N jobs. */
    private static Duration limit(Workload w, Map<String, String> settings) {
        String startsPerSecond = settings.getOrDefault("runs.max-starts-per-second", "");
        return startsPerSecond.isEmpty()
                ? w.limit()
                : w.limit().plusMillis((long) (1000 * w.n() / Double.parseDouble(startsPerSecond)));
    }

    private static void warmUp(Workload w, RunRequests requests, RunCounts counts) throws Exception {
        requests.accept(new RunRequest("bench-warm-up-" + w.n(), null, BenchScenario.WARM_UP, null, null, "bench"));
        if (counts.awaitOutcomes(1, System.nanoTime() + Duration.ofMinutes(1).toNanos()) != 1) {
            throw new IllegalStateException("The warm-up run did not succeed; see target/bench-app.log");
        }
    }

    /** What a phase's timed part works with. */
    private record Harness(
            StandInScenario scenario,
            AirbyteStandIn standIn,
            RunRequests requests,
            AppPostgres postgres,
            RunCounts counts,
            RunsEnded ended) {}

    private static PhaseResult timed(Workload w, PhaseKind kind, Duration limit, Harness h, Path jfrFile)
            throws Exception {
        Map<String, Long> callsBefore = StatusCalls.byOperation(h.standIn());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        JfrProfile profile = jfrFile == null ? null : JfrProfile.start();
        PhaseMeter meter =
                new PhaseMeter(() -> h.postgres().cpuSeconds(h.counts().backendPid()));
        int succeeded;
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < w.n(); i++) {
                RunRequest request = new RunRequest(
                        "bench-" + w.n() + "-" + i, null, BenchScenario.connectionName(i), null, null, "bench");
                sent.add(clients.submit(() -> h.requests().accept(request)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            // the warm-up run is one of the outcomes and one of the successes
            long deadline = meter.startNanos() + limit.toNanos();
            h.ended().await(w.n() + 1, deadline);
            meter.stop();
            succeeded = h.counts().awaitOutcomes(w.n() + 1, deadline) - 1;
        } finally {
            clients.shutdownNow();
            if (profile != null) {
                profile.stopAndDump(jfrFile);
                profile.close();
            }
        }
        Lags lags = lags(h.scenario(), h.standIn(), h.counts().endedAtByJob());
        Milestones milestones = Milestones.of(meter.startedAt(), h.scenario(), h.standIn());
        return meter.result(kind, w.n(), StatusCalls.since(callsBefore, h.standIn()), succeeded, lags, milestones);
    }

    private static Lags lags(StandInScenario scenario, AirbyteStandIn standIn, Map<Long, Instant> recorded) {
        List<Long> lags = new ArrayList<>();
        for (ScenarioConnection c : BenchScenario.measured(scenario)) {
            for (StandInJob job : standIn.jobsOf(c.id())) {
                Instant run = recorded.get(job.id());
                job.endedAt().ifPresent(end -> {
                    if (run != null) {
                        lags.add(Duration.between(end, run).toMillis());
                    }
                });
            }
        }
        return Lags.of(lags);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
