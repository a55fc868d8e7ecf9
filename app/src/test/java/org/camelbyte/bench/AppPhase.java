package org.camelbyte.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camelbyte.app.TestApp;
import org.camelbyte.intake.RunRequest;
import org.camelbyte.intake.RunRequests;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.ScenarioConnection;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;

/**
 * N syncs through the real app: each request goes to {@link RunRequests} (what the HTTP API and the queue
 * call), from 16 client threads at once as independent callers would, so the run is recorded, handed off
 * and followed by the YAML run route. The app's start-up is not timed, nor one warm-up run on a connection
 * of its own (the run path's first classes, connections and compiled code, which the poller has by the time
 * it runs after the app phases in this JVM); the clock runs from the first request to the last outcome.
 * With {@code webhooks}, the stand-in sends Airbyte's sync notification.
 */
final class AppPhase {
    private static final String PIPELINES = "defaults:\n  pollInterval: %dms\n  timeout: 30m\npipelines: []\n";
    private static final String WEBHOOK_SECRET = "bench-webhook-secret";

    private AppPhase() {}

    static PhaseResult run(Workload w, boolean webhooks) throws Exception {
        StandInScenario scenario = BenchScenario.of(w.n(), w.syncSeconds());
        try (AirbyteStandIn standIn = AirbyteStandIn.start(scenario, 0);
                TestApp app = TestApp.with(
                                standIn,
                                String.format(PIPELINES, w.pollInterval().toMillis()))
                        // a progress line per run per second is a log benchmark, not a sync benchmark
                        .property("runs.progress-every", "1h")
                        // the baseline starts every sync at once; Airbyte's own limit is the operator's choice
                        .property("runs.max-starts-per-second", "5000")
                        .property("runs.concurrent-starts", "32")
                        // each start holds one connection at a time; camel-http's default 20 per host made 12 of
                        // the 32 wait for a socket (config/application.properties says how to size it)
                        .property("camel.component.http.connections-per-route", "64")
                        // the run route blocks on commits and the outcome's JMS send; more threads, still flat in N
                        .property("runs.scheduler-threads", "32")
                        .property("airbyte.webhook-secret", WEBHOOK_SECRET)
                        .start()) {
            if (webhooks) {
                standIn.sendWebhooksTo(app.request("/api/airbyte/webhook/" + WEBHOOK_SECRET)
                        .build()
                        .uri()
                        .toString());
            }
            RunRequests requests = app.context().getRegistry().lookupByNameAndType("runRequests", RunRequests.class);
            RunCounts counts = new RunCounts(app.property("state.jdbc-url"), app.property("state.username"));
            requests.accept(new RunRequest("bench-warm-up-" + w.n(), null, BenchScenario.WARM_UP, null, null, "bench"));
            if (counts.awaitOutcomes(
                            1, System.nanoTime() + Duration.ofMinutes(1).toNanos())
                    != 1) {
                throw new IllegalStateException("The warm-up run did not succeed; see target/bench-app.log");
            }
            Map<String, Long> callsBefore = StatusCalls.byOperation(standIn);
            ExecutorService clients = Executors.newFixedThreadPool(16);
            long start;
            int succeeded;
            double cpuBefore = Cpu.seconds();
            PeakSampler sampler = new PeakSampler();
            try (sampler) {
                start = System.nanoTime();
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < w.n(); i++) {
                    RunRequest request = new RunRequest(
                            "bench-" + w.n() + "-" + i, null, BenchScenario.connectionName(i), null, null, "bench");
                    sent.add(clients.submit(() -> requests.accept(request)));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
                // the warm-up run is one of the outcomes and one of the successes
                succeeded = counts.awaitOutcomes(w.n() + 1, start + w.limit().toNanos()) - 1;
            } finally {
                clients.shutdownNow();
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            double cpu = Cpu.seconds() - cpuBefore;
            return new PhaseResult(
                    webhooks ? "camelbyte app, webhooks on" : "camelbyte app, polling only",
                    w.n(),
                    wall,
                    sampler.threadsAtStart(),
                    sampler.peakThreads(),
                    sampler.peakHeapMb(),
                    sampler.peakHeapAfterGcMb(),
                    StatusCalls.since(callsBefore, standIn),
                    succeeded,
                    lags(standIn, scenario, counts.endedAtByJob()),
                    cpu);
        }
    }

    private static Lags lags(AirbyteStandIn standIn, StandInScenario scenario, Map<Long, Instant> recorded) {
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
}
