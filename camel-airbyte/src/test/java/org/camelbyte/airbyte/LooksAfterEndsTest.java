package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.JobPhase;
import org.camelbyte.standin.ScenarioConnection;
import org.camelbyte.standin.ScenarioWorkspace;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Syncs started together end together. Once a look sees followed jobs end, the next comes a quarter interval
 * after it while ends keep coming, so the later ends of a wave are seen within that quarter instead of up to a
 * whole interval late, and no look hands the whole wave on at once; while no job ends, the looks keep to the
 * interval. Against the stand-in over HTTP.
 */
class LooksAfterEndsTest {
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Jobs running 3.0, 3.1, ... 4.9 s: the look that first sees ends comes about 4 s after they started. */
    private static final int WAVE = 20;

    private final WatcherThreads threads = new WatcherThreads();
    private AirbyteStandIn standIn;
    private JobWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        threads.close();
        if (standIn != null) {
            standIn.close();
        }
    }

    /** Sooner than the shortest interval, a wave of ends would keep the watcher listing back to back. */
    @Test
    void lookingAgainAfterEndsSoonerThanTheShortestIntervalIsRefused() {
        JobWatcherBuilder builder = threads.watcher(AirbyteClients.create(
                AirbyteSettings.builder().baseUrl("http://localhost:1").build()));

        assertThatThrownBy(() -> builder.afterEnds(Duration.ofMillis(10)))
                .hasMessage("afterEnds is 10 ms; give it 100 ms or more: sooner, a wave of ends would keep the watcher"
                        + " listing back to back.");
        assertThat(builder.interval(Duration.ofSeconds(1)).afterEnds())
                .as("by default a quarter of the interval")
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aWaveOfEndsIsSeenAQuarterIntervalApartAndQuietLooksKeepToTheInterval() {
        List<ScenarioConnection> connections = new ArrayList<>();
        for (int i = 0; i < WAVE; i++) {
            connections.add(sync("wave" + i, 3.0 + i / 10.0));
        }
        // one sync runs on after the wave, so the watcher goes on looking
        connections.add(sync("long", 100_000));
        standIn = AirbyteStandIn.start(
                new StandInScenario(
                        null, null, 1.0, null, null, List.of(new ScenarioWorkspace(null, "W")), connections, null),
                0);
        AirbyteClient client = StandInClients.client(standIn, ApiFlavour.PUBLIC);
        watcher = threads.watcher(client)
                .interval(INTERVAL)
                .singleReadAfter(Duration.ofHours(1))
                .start();
        Map<Long, String> connectionOf = new ConcurrentHashMap<>();
        client.listConnections().parallelStream().forEach(c -> {
            AirbyteJob job = client.startJob(c.connectionId(), JobType.SYNC).job();
            connectionOf.put(job.jobId(), c.connectionId());
            watcher.watch(job);
        });

        Map<Long, Instant> seenEnded = new ConcurrentHashMap<>();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    connectionOf
                            .keySet()
                            .forEach(id -> watcher.latest(id)
                                    .filter(job -> job.status().isTerminal())
                                    .ifPresent(job -> seenEnded.putIfAbsent(id, Instant.now())));
                    return seenEnded.size() == WAVE;
                });

        // the first ends wait for the look that sees them, up to an interval; the ones after it a quarter interval
        Duration worstLag = Duration.ZERO;
        for (Map.Entry<Long, Instant> seen : seenEnded.entrySet()) {
            Instant ended = endOf(connectionOf.get(seen.getKey()));
            Duration lag = Duration.between(ended, seen.getValue());
            worstLag = lag.compareTo(worstLag) > 0 ? lag : worstLag;
        }
        assertThat(worstLag)
                .as("the longest any wave job's end waited to be seen (ends 3.0 to 4.9 s after the start, looks"
                        + " every 2 s: 1.1 to 2.0 s for the ends after the look at 4 s without looks after ends)")
                .isLessThan(Duration.ofMillis(1_500));

        // nothing ends any more: one look an interval, however many looks came sooner during the wave
        long calls = listings();
        await().during(INTERVAL.multipliedBy(2).plusMillis(200))
                .atMost(INTERVAL.multipliedBy(3))
                .until(() -> listings() <= calls + 3);
    }

    private static ScenarioConnection sync(String name, double seconds) {
        return new ScenarioConnection(
                null,
                name,
                null,
                null,
                "raw",
                null,
                List.of("events"),
                List.of(new JobPhase("running", seconds, 10L, 10L, null), JobPhase.of("succeeded", 0)));
    }

    private Instant endOf(String connectionId) {
        return standIn.jobsOf(connectionId).stream()
                .map(StandInJob::endedAt)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow();
    }

    private long listings() {
        return standIn.callCounts().getOrDefault("GET /api/public/v1/jobs", 0L);
    }
}
