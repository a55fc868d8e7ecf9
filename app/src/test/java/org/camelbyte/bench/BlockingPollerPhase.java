package org.camelbyte.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteClients;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.AirbyteSettings;
import org.camelbyte.airbyte.JobStatus;
import org.camelbyte.airbyte.JobType;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.ScenarioConnection;
import org.camelbyte.standin.StandInScenario;

/**
 * The baseline: what an Airflow sensor or a simple client does, one thread per sync that starts the job,
 * then loops getJob and sleeps the poll interval. Same client, same stand-in as the app.
 */
final class BlockingPollerPhase {
    private BlockingPollerPhase() {}

    static PhaseResult run(Workload w) throws InterruptedException {
        int n = w.n();
        Duration pollInterval = w.pollInterval();
        StandInScenario scenario = BenchScenario.of(w);
        try (AirbyteStandIn standIn = AirbyteStandIn.start(scenario, 0)) {
            AirbyteClient client = AirbyteClients.create(
                    AirbyteSettings.builder().baseUrl(standIn.publicApiUrl()).build());
            List<String> ids = BenchScenario.measured(scenario).stream()
                    .map(ScenarioConnection::id)
                    .toList();
            // untimed, as the app's warm-up run: one sync followed the same way first
            if (follow(client, BenchScenario.warmUpId(scenario), pollInterval) != JobStatus.SUCCEEDED) {
                throw new IllegalStateException("The poller's warm-up sync did not succeed");
            }
            Map<String, Long> callsBefore = StatusCalls.byOperation(standIn);
            CountDownLatch done = new CountDownLatch(n);
            AtomicInteger succeeded = new AtomicInteger();
            List<Long> lags = Collections.synchronizedList(new ArrayList<>());
            // no PostgreSQL: the poller keeps no records
            PhaseMeter meter = new PhaseMeter(() -> 0);
            for (String id : ids) {
                Thread poller = new Thread(
                        () -> {
                            try {
                                if (follow(client, id, pollInterval) == JobStatus.SUCCEEDED) {
                                    succeeded.incrementAndGet();
                                }
                                standIn.jobsOf(id)
                                        .get(0)
                                        .endedAt()
                                        .ifPresent(end -> lags.add(Duration.between(end, Instant.now())
                                                .toMillis()));
                            } finally {
                                done.countDown();
                            }
                        },
                        "poller-" + id);
                poller.setDaemon(true);
                poller.start();
            }
            done.await(w.limit().toMillis(), TimeUnit.MILLISECONDS);
            meter.stop();
            return meter.result(
                    PhaseKind.BASELINE,
                    n,
                    StatusCalls.since(callsBefore, standIn),
                    succeeded.get(),
                    Lags.of(lags),
                    Milestones.of(meter.startedAt(), scenario, standIn));
        }
    }

    /** A simple client gives up on the first error, as a sensor task fails and waits for Airflow's retry. */
    private static JobStatus follow(AirbyteClient client, String connectionId, Duration pollInterval) {
        try {
            long jobId = client.startJob(connectionId, JobType.SYNC).job().jobId();
            while (true) {
                AirbyteJob job = client.getJob(jobId);
                if (job.status().isTerminal()) {
                    return job.status();
                }
                // the baseline's defining trait: its thread sleeps through the wait (benchmark code, not a test)
                Thread.sleep(pollInterval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JobStatus.FAILED;
        } catch (RuntimeException e) {
            return JobStatus.FAILED;
        }
    }
}
