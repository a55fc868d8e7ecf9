package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Starts at the same moment share one read of the newest job id overall (JobStart's baseline), against the
 * stand-in over HTTP; a lost POST answer still finds exactly its own job although other connections' jobs
 * are numbered above the baseline.
 */
class SharedBaselineTest {
    private static final int CALLERS = 40;

    private final String orders = StandInScenarios.productionId("orders");
    private final String customers = StandInScenarios.productionId("customers");
    private final String broken = StandInScenarios.productionId("broken");
    private AirbyteStandIn standIn;

    @AfterEach
    void stop() {
        standIn.close();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void startsAskingTogetherShareFarFewerReadsThanTheyAre(ApiFlavour flavour) throws Exception {
        standIn = AirbyteStandIn.start(StandInScenarios.standard(), 0);
        AirbyteClient client = StandInClients.client(standIn, flavour);
        long newest = client.startJob(customers, JobType.SYNC).job().jobId();
        JobStart jobStart = new JobStart(client, JobStart.Calls.DIRECT);
        // every read answers 300 ms late, so callers released together arrive while one is out
        standIn.faults().delayNext(CALLERS, Duration.ofMillis(300), listingPath(flavour));
        long readsBefore = listings(flavour);

        List<Long> baselines = concurrently(
                CALLERS, i -> jobStart.baseline(StandInScenarios.productionId("conn-" + String.format("%03d", i))));

        long reads = listings(flavour) - readsBefore;
        assertThat(reads).as("listing calls for %d baselines", CALLERS).isBetween(1L, (long) CALLERS / 8);
        assertThat(baselines).as("every baseline is the newest job overall").containsOnly(newest);
        assertThat(perConnectionListings(flavour)).as("per-connection reads").isZero();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aFinishedReadServesLaterStartsOnlyWhileItIsFresh(ApiFlavour flavour) {
        standIn = AirbyteStandIn.start(StandInScenarios.standard(), 0);
        AirbyteClient client = StandInClients.client(standIn, flavour);
        JobStart reusing = new JobStart(client, JobStart.Calls.DIRECT, Duration.ofHours(1));
        JobStart neverReusing = new JobStart(client, JobStart.Calls.DIRECT, Duration.ZERO);
        long readsBefore = listings(flavour);

        long first = reusing.baseline(orders);
        long created = client.startJob(customers, JobType.SYNC).job().jobId();
        long reused = reusing.baseline(orders);
        assertThat(first).as("no job yet").isZero();
        assertThat(reused)
                .as("the fresh answer, still below any job a POST now creates")
                .isZero();
        assertThat(listings(flavour) - readsBefore).isEqualTo(1);

        neverReusing.baseline(orders);
        long second = neverReusing.baseline(orders);
        assertThat(second).as("a job of another connection counts").isEqualTo(created);
        assertThat(listings(flavour) - readsBefore).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aLostAnswerAdoptsOnlyItsOwnJobWhileOtherConnectionsJobsAreNumberedAboveTheBaseline(ApiFlavour flavour) {
        standIn = AirbyteStandIn.start(StandInScenarios.standard(), 0);
        AirbyteClient client = StandInClients.client(standIn, flavour);
        AirbyteClient impatient = AirbyteClients.create(StandInClients.settings(standIn, flavour)
                .requestTimeout(Duration.ofMillis(300))
                .build());
        JobStart jobStart = new JobStart(impatient, JobStart.Calls.DIRECT);
        // an earlier job of the connection, ended so the next POST is not refused as already running
        client.cancelJob(client.startJob(orders, JobType.SYNC).job().jobId());

        long baseline = jobStart.baseline(orders);
        long between = client.startJob(customers, JobType.SYNC).job().jobId();
        standIn.faults().slowJobAnswer(Duration.ofMillis(1500));
        AirbyteUnavailableException lost =
                catchThrowableOfType(() -> jobStart.post(orders, JobType.SYNC), AirbyteUnavailableException.class);
        standIn.faults().clear();
        long after = client.startJob(broken, JobType.SYNC).job().jobId();

        assertThat(lost.outcomeUnknown()).isTrue();
        List<StandInJob> ordersJobs = standIn.jobsOf(orders);
        assertThat(ordersJobs)
                .as("orders' jobs: the earlier one and the lost POST's")
                .hasSize(2);
        long own = ordersJobs.get(1).id();
        assertThat(between).as("another connection's job above the baseline").isGreaterThan(baseline);
        assertThat(after).as("the newest job overall is another connection's").isGreaterThan(own);
        assertThat(jobStart.hiddenJob(orders, JobType.SYNC, baseline, null, jobId -> false))
                .map(AirbyteJob::jobId)
                .contains(own);
        assertThat(jobStart.hiddenJob(orders, JobType.SYNC, baseline, null, jobId -> jobId == own))
                .as("followed by another run: nothing else to adopt")
                .isEmpty();
        assertThat(standIn.jobsOf(orders)).as("never a second POST's job").hasSize(2);
    }

    @Test
    void aConfigApiServerWithoutListForWorkspacesGivesTheConnectionsOwnNewestJob() {
        standIn = AirbyteStandIn.start(StandInScenarios.standard().withConfigApiVersion("0.50"), 0);
        AirbyteClient client = StandInClients.client(standIn, ApiFlavour.CONFIG);
        JobStart jobStart = new JobStart(client, JobStart.Calls.DIRECT);
        long own = client.startJob(orders, JobType.SYNC).job().jobId();
        client.startJob(customers, JobType.SYNC);

        assertThat(jobStart.baseline(orders)).isEqualTo(own);
        assertThat(jobStart.baseline(broken)).isZero();
        assertThat(count("POST /api/v1/jobs/list_for_workspaces"))
                .as("asked once, its 404 remembered")
                .isEqualTo(1);
        assertThat(count("POST /api/v1/jobs/list")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aConfiguredWorkspaceReadsOnlyItsJobs(ApiFlavour flavour) {
        standIn = AirbyteStandIn.start(StandInScenarios.standard(), 0);
        AirbyteClient all = StandInClients.client(standIn, flavour);
        AirbyteClient production = AirbyteClients.create(StandInClients.settings(standIn, flavour)
                .workspace("Production")
                .build());
        long inProduction = all.startJob(orders, JobType.SYNC).job().jobId();
        long inStaging = all.startJob(
                        StandInScenarios.standard()
                                .connectionNamed("Staging", "orders")
                                .id(),
                        JobType.SYNC)
                .job()
                .jobId();

        assertThat(new JobStart(production, JobStart.Calls.DIRECT).baseline(orders))
                .isEqualTo(inProduction);
        assertThat(new JobStart(all, JobStart.Calls.DIRECT).baseline(orders)).isEqualTo(inStaging);
    }

    private interface Call {
        long apply(int caller) throws Exception;
    }

    /** Runs {@code n} calls released at once, each on its own thread; their answers in caller order. */
    private static List<Long> concurrently(int n, Call call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int caller = i;
                answers.add(threads.submit(() -> {
                    go.await();
                    return call.apply(caller);
                }));
            }
            go.countDown();
            List<Long> result = new ArrayList<>();
            for (Future<Long> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String listingPath(ApiFlavour flavour) {
        return flavour == ApiFlavour.PUBLIC ? "/jobs" : "/jobs/list_for_workspaces";
    }

    /** The calls that list jobs across connections (public: the one GET /jobs shape, whatever its query). */
    private long listings(ApiFlavour flavour) {
        return count(
                flavour == ApiFlavour.PUBLIC ? "GET /api/public/v1/jobs" : "POST /api/v1/jobs/list_for_workspaces");
    }

    private long perConnectionListings(ApiFlavour flavour) {
        if (flavour == ApiFlavour.CONFIG) {
            return count("POST /api/v1/jobs/list");
        }
        return standIn.calls().stream()
                .filter(c -> c.method().equals("GET") && c.path().equals("/api/public/v1/jobs"))
                .filter(c -> c.query() != null && c.query().contains("connectionId"))
                .count();
    }

    private long count(String shape) {
        return standIn.callCounts().getOrDefault(shape, 0L);
    }
}
