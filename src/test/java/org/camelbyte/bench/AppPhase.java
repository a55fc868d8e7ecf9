package org.camelbyte.bench;

import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.intake.RunRequest;
import org.camelbyte.intake.RunRequests;

/**
 * N syncs through the real app: each request goes to {@link RunRequests} (what the HTTP API and the queue
 * call), so the run is recorded, handed off and followed by the YAML run route. The app's start-up is not
 * timed; the clock runs from the first request to the last outcome.
 */
final class AppPhase {
    private static final String PIPELINES = "defaults:\n  pollInterval: %ds\n  timeout: 10m\npipelines: []\n";

    private AppPhase() {}

    static PhaseResult run(int n, Duration pollInterval, Duration limit) throws Exception {
        try (AirbyteStandIn standIn = AirbyteStandIn.start(BenchScenario.of(n), 0);
             TestApp app = TestApp.with(standIn, String.format(PIPELINES, pollInterval.toSeconds()))
                     // a progress line per run per second is a log benchmark, not a sync benchmark
                     .property("runs.progress-every", "1h")
                     .start()) {
            RunRequests requests = app.context().getRegistry().lookupByNameAndType("runRequests", RunRequests.class);
            RunCounts counts = new RunCounts(app.property("state.jdbc-url"), app.property("state.username"));
            long start;
            int succeeded;
            PeakSampler sampler = new PeakSampler();
            try (sampler) {
                start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    requests.accept(new RunRequest("bench-" + n + "-" + i, null, BenchScenario.connectionName(i), null, null, "bench"));
                }
                succeeded = counts.awaitOutcomes(n, start + limit.toNanos());
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            return new PhaseResult("camelbyte app", n, wall, sampler.threadsAtStart(), sampler.peakThreads(),
                    sampler.peakHeapMb(), StatusCalls.of(standIn), succeeded);
        }
    }
}
