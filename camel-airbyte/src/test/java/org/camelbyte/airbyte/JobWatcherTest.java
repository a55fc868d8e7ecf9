package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.JobPhase;
import org.camelbyte.standin.ScenarioConnection;
import org.camelbyte.standin.ScenarioWorkspace;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The job watcher against the stand-in over HTTP, both API flavours, with a real breaker. */
class JobWatcherTest {
    private static final List<JobPhase> LONG_SYNC =
            List.of(new JobPhase("running", 100_000.0, 10L, 10L, null), JobPhase.of("succeeded", 0));
    private static final List<JobPhase> SHORT_SYNC = List.of(
            JobPhase.of("pending", 1), new JobPhase("running", 1.0, 10L, 10L, null), JobPhase.of("succeeded", 0));

    private AirbyteStandIn standIn;
    private JobWatcher watcher;
    private final WatcherThreads threads = new WatcherThreads();
    private final CircuitBreaker breaker = CircuitBreaker.of(
            "test",
            CircuitBreakerConfig.custom()
                    .slidingWindowSize(2)
                    .minimumNumberOfCalls(2)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofMillis(300))
                    .automaticTransitionFromOpenToHalfOpenEnabled(true)
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .ignoreExceptions(AirbyteRejectedException.class)
                    .build());

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        threads.close();
        standIn.close();
    }

    /** {@code n} connections whose jobs follow {@code script}, scripted seconds times {@code timeScale}. */
    private AirbyteClient start(
            ApiFlavour flavour,
            int n,
            List<JobPhase> script,
            double timeScale,
            Duration overlap,
            Duration singleReadAfter) {
        return start(flavour, java.util.Collections.nCopies(n, script), timeScale, overlap, singleReadAfter);
    }

    /** A connection per script, named c0, c1, ... */
    private AirbyteClient start(
            ApiFlavour flavour,
            List<List<JobPhase>> scripts,
            double timeScale,
            Duration overlap,
            Duration singleReadAfter) {
        List<ScenarioConnection> connections = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            connections.add(
                    new ScenarioConnection(null, "c" + i, null, null, "raw", null, List.of("events"), scripts.get(i)));
        }
        standIn = AirbyteStandIn.start(
                new StandInScenario(
                        null,
                        null,
                        timeScale,
                        null,
                        null,
                        List.of(new ScenarioWorkspace(null, "W")),
                        connections,
                        null),
                0);
        AirbyteClient client = StandInClients.client(standIn, flavour);
        watcher = threads.watcher(client)
                .breaker(breaker)
                .clock(Clock.systemUTC())
                .interval(Duration.ofHours(1))
                .singleReadAfter(singleReadAfter)
                .overlap(overlap)
                .build();
        return client;
    }

    private List<Long> startJobs(AirbyteClient client) {
        return startJobs(
                client,
                client.listConnections().stream()
                        .map(AirbyteConnection::connectionId)
                        .toList());
    }

    /** A job on each connection, followed; the ids in the connections' order. */
    private List<Long> startJobs(AirbyteClient client, List<String> connectionIds) {
        return connectionIds.parallelStream()
                .map(id -> {
                    // as the trigger step does: the start's answer is the first snapshot, on Airbyte's clock
                    AirbyteJob job = client.startJob(id, JobType.SYNC).job();
                    watcher.watch(job);
                    return job.jobId();
                })
                .toList();
    }

    private long calls(String shape) {
        return standIn.callCounts().getOrDefault(shape, 0L);
    }

    private long batchedCalls(ApiFlavour flavour) {
        return flavour == ApiFlavour.PUBLIC
                ? calls("GET /api/public/v1/jobs")
                : calls("POST /api/v1/jobs/list_for_workspaces");
    }

    private long singleReads(ApiFlavour flavour) {
        return flavour == ApiFlavour.PUBLIC
                ? calls("GET /api/public/v1/jobs/{id}")
                : calls("POST /api/v1/jobs/get_without_logs");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void followsEveryPageToTheEndAndReadsNoJobSingly(ApiFlavour flavour) {
        // two full pages and one job on a third
        // an overlap longer than the starts take, however loaded the machine
        AirbyteClient client = start(flavour, 201, LONG_SYNC, 1.0, Duration.ofMinutes(5), Duration.ofHours(1));
        List<Long> ids = startJobs(client);

        watcher.look();

        assertThat(ids)
                .allSatisfy(id -> assertThat(watcher.latest(id))
                        .hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.RUNNING)));
        assertThat(batchedCalls(flavour)).isEqualTo(3);
        assertThat(singleReads(flavour)).isZero();
    }

    /**
     * The pages after the one that showed the last followed job not known ended hold only older changes (the
     * overlap with the last look) and jobs nobody follows: a look reads none of them.
     */
    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aLookStopsAtThePageThatShowedTheLastFollowedJobNotKnownEnded(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 1, SHORT_SYNC, 1.0, Duration.ofMinutes(5), Duration.ofHours(1));
        // 500 jobs that ended in the listing's window before the followed one started: five pages after its own
        standIn.seedHistory(500, Duration.ofSeconds(30));
        List<Long> ids = startJobs(client);
        long before = batchedCalls(flavour);

        watcher.look();

        assertThat(batchedCalls(flavour) - before).isEqualTo(1);
        assertThat(watcher.listingsCut()).isZero();
        assertThat(watcher.latest(ids.get(0))).isPresent();
        assertThat(singleReads(flavour)).isZero();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aListingCutAtThePageLimitReadsTheJobsItDidNotShowSingly(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 1, LONG_SYNC, 1.0, Duration.ofMinutes(5), Duration.ofHours(1));
        List<Long> ids = startJobs(client);
        Instant followedChanged = watcher.latest(ids.get(0)).orElseThrow().createdAt();
        // 2,500 jobs changed after the followed one, a second later on Airbyte's clock (it shows whole seconds):
        // newest change first, 25 pages come before it
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(followedChanged));
        standIn.seedHistory(2_500, Duration.ZERO);

        watcher.look();

        assertThat(batchedCalls(flavour)).isEqualTo(JobWatcher.MAX_PAGES);
        assertThat(watcher.listingsCut()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> singleReads(flavour) == 1);
        assertThat(watcher.latest(ids.get(0))).isPresent();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aServerIgnoringTheTimeFilterIsListedNewestChangeFirstAndStoppedAtTheFirstOldJob(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 1, LONG_SYNC, 1.0, Duration.ofMinutes(5), Duration.ofHours(1));
        standIn.seedHistory(3_000, Duration.ofDays(3));
        standIn.behaviours().ignoreJobListTimeFilters(true);
        List<Long> ids = startJobs(client);

        watcher.look();
        watcher.look();

        // one page a look: its last job shows the filter ignored, and the jobs after it changed earlier still
        assertThat(batchedCalls(flavour)).isEqualTo(2);
        assertThat(watcher.listingsIgnoringFilter()).isEqualTo(2);
        assertThat(watcher.listingsCut()).isZero();
        assertThat(singleReads(flavour)).isZero();
        assertThat(watcher.latest(ids.get(0))).isPresent();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void readsSinglyAJobTheBatchesDoNotReport(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 1, SHORT_SYNC, 0.01, Duration.ZERO, Duration.ofHours(1));
        String connectionId = client.listConnections().get(0).connectionId();
        long jobId = client.startJob(connectionId, JobType.SYNC).job().jobId();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> standIn.jobsOf(connectionId).get(0).endedAt().isPresent());
        // watched only after its last change: no listing from now on reports it
        watcher.watch(jobId, connectionId);

        watcher.look();

        await().atMost(Duration.ofSeconds(5)).until(() -> watcher.latest(jobId).isPresent());
        assertThat(watcher.latest(jobId).get().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(singleReads(flavour)).isEqualTo(1);
    }

    @Test
    void readsSinglyARunningJobMissingFromTheBatchesLongerThanTheBound() {
        AirbyteClient client = start(ApiFlavour.PUBLIC, 2, LONG_SYNC, 1.0, Duration.ZERO, Duration.ofMillis(1));
        String first = client.listConnections().get(0).connectionId();
        AirbyteJob quiet = client.startJob(first, JobType.SYNC).job();
        watcher.watch(quiet);
        // a job started a second later on Airbyte's clock moves the listings' cursor past the quiet one
        await().atMost(Duration.ofSeconds(5))
                .until(() -> java.time.Instant.now()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .isAfter(quiet.createdAt()));
        AirbyteJob later = client.startJob(client.listConnections().get(1).connectionId(), JobType.SYNC)
                .job();
        watcher.watch(later);

        // a running job's updatedAt does not move with its rows, so no listing from this cursor reports it
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            watcher.look();
            assertThat(singleReads(ApiFlavour.PUBLIC)).isPositive();
        });
        assertThat(watcher.latest(quiet.jobId()).get().status()).isEqualTo(JobStatus.RUNNING);
    }

    /**
     * The listings' cursor follows the times Airbyte shows, not our clock: with the server's clock five
     * minutes behind ours and its times shown to the minute, a job's end is still seen by the next look,
     * without waiting for a single read.
     */
    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aServerClockFiveMinutesBehindOursStillReportsEveryChange(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 1, SHORT_SYNC, 1.0, Duration.ofSeconds(2), Duration.ofHours(1));
        standIn.behaviours().clockSkew(Duration.ofMinutes(-5)).minuteTimestamps(true);
        long jobId = startJobs(client).get(0);
        watcher.look();
        assertThat(watcher.latest(jobId).get().status()).isEqualTo(JobStatus.PENDING);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> standIn.jobsOf(watcher.latest(jobId).get().connectionId())
                        .get(0)
                        .endedAt()
                        .isPresent());
        watcher.look();

        assertThat(watcher.latest(jobId).get().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(singleReads(flavour)).isZero();
    }

    /**
     * The next look lists from the newest change on a look's first page, not from the newest time shown by its
     * end: a job that changes between two pages of a look (so that look does not show it) is listed by the next
     * one, even when a start showed a newer time meanwhile, and with no overlap to fall back on.
     */
    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aJobThatChangesBetweenTwoPagesOfALookIsListedByTheNext(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 202, LONG_SYNC, 1.0, Duration.ZERO, Duration.ofHours(1));
        List<AirbyteConnection> connections = client.listConnections();
        List<String> started = connections.subList(0, 201).stream()
                .map(AirbyteConnection::connectionId)
                .toList();
        Set<Long> listed = ConcurrentHashMap.newKeySet();
        AtomicLong changedBetweenPages = new AtomicLong();
        Runnable betweenPages = () -> {
            // a running job the look has not listed yet ends, then a start shows a time newer than that end
            awaitNextSecond();
            long notListedYet = started.stream()
                    .map(id -> standIn.jobsOf(id).get(0))
                    .filter(job -> job.endedAt().isEmpty() && !listed.contains(job.id()))
                    .findFirst()
                    .orElseThrow()
                    .id();
            client.cancelJob(notListedYet);
            changedBetweenPages.set(notListedYet);
            awaitNextSecond();
            watcher.watch(client.startJob(connections.get(201).connectionId(), JobType.SYNC)
                    .job());
        };
        AtomicBoolean armed = new AtomicBoolean();
        watcher.close();
        watcher = threads.watcher(afterFirstPage(client, listed, armed, betweenPages))
                .breaker(breaker)
                .clock(Clock.systemUTC())
                .interval(Duration.ofHours(1))
                .singleReadAfter(Duration.ofHours(1))
                .overlap(Duration.ZERO)
                .build();
        List<Long> ids = startJobs(client, started);
        // 150 ends a second after the starts (servers order by the time they show, whole seconds here): newest
        // change first, they fill the first page and half the second; the running jobs come after them
        awaitNextSecond();
        ids.subList(0, 150).forEach(client::cancelJob);
        armed.set(true);
        watcher.look();
        long job = changedBetweenPages.get();
        assertThat(watcher.latest(job))
                .as("the look it changed in did not show its end")
                .hasValueSatisfying(j -> assertThat(j.status()).isEqualTo(JobStatus.RUNNING));

        watcher.look();

        assertThat(watcher.latest(job))
                .hasValueSatisfying(j -> assertThat(j.status()).isEqualTo(JobStatus.CANCELLED));
        assertThat(singleReads(flavour)).isZero();
    }

    private static void awaitNextSecond() {
        Instant now = Instant.now();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(now));
    }

    /**
     * Until a server shows a time whose seconds are not zero, the watcher takes it for one that knows whole minutes
     * only, and its cursor moves on with the changes alone ({@link ListingCursor}). Jobs all started within second
     * zero of a minute (the stand-in, like Airbyte, shows whole seconds) would look like that: the test starts them
     * in another second, so its jobs show a time with seconds, as jobs started over a while do.
     */
    private static void awaitSecondOtherThanZero() {
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            long second = Instant.now().getEpochSecond() % 60;
            return second >= 1 && second <= 57;
        });
    }

    /**
     * While every followed job runs and none changes, the looks stop listing them once the overlap has passed:
     * the cursor moves on with Airbyte's clock (as fast as ours) from the newest change it showed, not only with
     * the changes, which would list the same last changes at every look.
     */
    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void whileNoFollowedJobChangesTheLooksStopListingThem(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 201, LONG_SYNC, 1.0, Duration.ofSeconds(1), Duration.ofHours(1));
        Set<Long> listed = ConcurrentHashMap.newKeySet();
        watcher.close();
        watcher = threads.watcher(afterFirstPage(client, listed, new AtomicBoolean(), () -> {}))
                .breaker(breaker)
                .clock(Clock.systemUTC())
                .interval(Duration.ofHours(1))
                .singleReadAfter(Duration.ofHours(1))
                .overlap(Duration.ofSeconds(1))
                .build();
        awaitSecondOtherThanZero();
        List<Long> ids = startJobs(client);
        watcher.look();
        assertThat(listed).containsAll(ids);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            watcher.look();
            assertThat(listed).isEmpty();
        });
        assertThat(singleReads(flavour)).isZero();
    }

    /**
     * {@code client}, noting in {@code listed} each job its listings show; once {@code armed}, its next listing
     * runs {@code betweenPages} after its first page (a hundred jobs), before the second is read.
     */
    private static AirbyteClient afterFirstPage(
            AirbyteClient client, Set<Long> listed, AtomicBoolean armed, Runnable betweenPages) {
        return (AirbyteClient) Proxy.newProxyInstance(
                AirbyteClient.class.getClassLoader(), new Class<?>[] {AirbyteClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("listJobsChangedSince")) {
                        listed.clear();
                        boolean pause = armed.getAndSet(false);
                        AtomicInteger shown = new AtomicInteger();
                        @SuppressWarnings("unchecked")
                        Consumer<AirbyteJob> each = (Consumer<AirbyteJob>) args[3];
                        args[3] = (Consumer<AirbyteJob>) job -> {
                            each.accept(job);
                            listed.add(job.jobId());
                            if (pause && shown.incrementAndGet() == PublicApiClient.PAGE_SIZE) {
                                betweenPages.run();
                            }
                        };
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * A watcher following no job calls nobody; its looks start one interval after the newest job of the first
     * burst it follows, as a poller of that job would look, and stop once it follows none again.
     */
    @Test
    void looksOnlyWhileItFollowsJobsAndFirstOneIntervalAfterTheNewestOfABurst() {
        AirbyteClient client = start(ApiFlavour.PUBLIC, 2, SHORT_SYNC, 0.3, Duration.ofSeconds(2), Duration.ofHours(1));
        watcher.close();
        Duration interval = Duration.ofSeconds(1);
        watcher = threads.watcher(client)
                .breaker(breaker)
                .clock(Clock.systemUTC())
                .interval(interval)
                .singleReadAfter(Duration.ofHours(1))
                .start();
        // more than half an interval: the looks of a watcher scheduled from its own start would come sooner
        await().during(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(2))
                .until(() -> batchedCalls(ApiFlavour.PUBLIC) == 0);

        List<String> connections = client.listConnections().stream()
                .map(AirbyteConnection::connectionId)
                .toList();
        long first = startJobs(client, connections.subList(0, 1)).get(0);
        // half an interval later a second job is followed: the first look waits for it to be an interval old
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> batchedCalls(ApiFlavour.PUBLIC) == 0);
        long followed = System.nanoTime();
        long second = startJobs(client, connections.subList(1, 2)).get(0);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> batchedCalls(ApiFlavour.PUBLIC) > 0);
        assertThat(Duration.ofNanos(System.nanoTime() - followed)).isGreaterThanOrEqualTo(interval.minusMillis(50));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> List.of(first, second).stream()
                        .allMatch(id -> watcher.latest(id)
                                .map(j -> j.status().isTerminal())
                                .orElse(false)));
        watcher.unwatch(first);
        watcher.unwatch(second);
        long calls = batchedCalls(ApiFlavour.PUBLIC);
        await().during(Duration.ofMillis(2_500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> batchedCalls(ApiFlavour.PUBLIC) <= calls + 1);
    }

    /**
     * Of the jobs that ended since the last look, the one that ended first wakes its followers first, though the
     * listing shows the newest change first: with hundreds of runs ending per look, the run whose end waited
     * longest to be seen is not also the last served. Ends a second apart (the servers show whole seconds), then
     * within one second (Airbyte orders by its finer times).
     */
    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void theJobsThatEndedSinceTheLastLookWakeTheirFollowersInTheOrderTheyEnded(ApiFlavour flavour) {
        assertThat(wakeOrder(flavour, List.of(3.0, 1.0, 2.0))).containsExactly(1, 2, 0);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void jobsThatEndedWithinOneSecondWakeTheirFollowersInTheOrderTheyEnded(ApiFlavour flavour) {
        assertThat(wakeOrder(flavour, List.of(1.0, 1.4, 1.2))).containsExactly(0, 2, 1);
    }

    /** Jobs running this many seconds each, followed; the order (by job) in which the look after their ends wakes them. */
    private List<Integer> wakeOrder(ApiFlavour flavour, List<Double> runningSeconds) {
        List<List<JobPhase>> scripts = runningSeconds.stream()
                .map(seconds -> List.of(new JobPhase("running", seconds, 10L, 10L, null), JobPhase.of("succeeded", 0)))
                .toList();
        AirbyteClient client = start(flavour, scripts, 1.0, Duration.ofSeconds(2), Duration.ofHours(1));
        List<Long> ids = startJobs(
                client,
                client.listConnections().stream()
                        .sorted(java.util.Comparator.comparing(AirbyteConnection::name))
                        .map(AirbyteConnection::connectionId)
                        .toList());
        watcher.look();
        List<Long> woken = new java.util.concurrent.CopyOnWriteArrayList<>();
        ids.forEach(id -> watcher.nextChange(id).thenRun(() -> woken.add(id)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ids.stream()
                        .allMatch(id -> standIn.jobsOf(watcher.latest(id).get().connectionId())
                                .get(0)
                                .endedAt()
                                .isPresent()));

        watcher.look();

        return woken.stream().map(ids::indexOf).toList();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aJobThatChangedTwiceBetweenLooksEndsRight(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 1, SHORT_SYNC, 1.0, Duration.ofSeconds(2), Duration.ofHours(1));
        long jobId = startJobs(client).get(0);
        watcher.look();
        assertThat(watcher.latest(jobId).get().status()).isEqualTo(JobStatus.PENDING);
        CompletableFuture<Void> woken = watcher.nextChange(jobId);

        // pending -> running -> succeeded while nobody looks
        await().atMost(Duration.ofSeconds(5))
                .until(() -> standIn.jobsOf(watcher.latest(jobId).get().connectionId())
                        .get(0)
                        .endedAt()
                        .isPresent());
        assertThat(woken).isNotDone();
        watcher.look();

        assertThat(watcher.latest(jobId).get().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(woken).isDone();
    }

    @Test
    void aFailingBatchedCallOpensTheBreakerWhichRecovers() {
        AirbyteClient client = start(ApiFlavour.PUBLIC, 1, LONG_SYNC, 1.0, Duration.ofSeconds(2), Duration.ofHours(1));
        long jobId = startJobs(client).get(0);
        standIn.faults().failNext(2, 503, "/jobs");

        watcher.look();
        watcher.look();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long callsWhenOpened = batchedCalls(ApiFlavour.PUBLIC);
        watcher.look();
        assertThat(batchedCalls(ApiFlavour.PUBLIC)).as("no call while open").isEqualTo(callsWhenOpened);

        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        watcher.look();

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(watcher.latest(jobId))
                .hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.RUNNING));
    }

    @Test
    void aConfigApiServerWithoutListForWorkspacesIsReadPerConnection() {
        start(ApiFlavour.CONFIG, 1, LONG_SYNC, 1.0, Duration.ofSeconds(2), Duration.ofHours(1));
        standIn.close();
        standIn = AirbyteStandIn.start(
                new StandInScenario(
                        null,
                        null,
                        1.0,
                        "0.50",
                        null,
                        List.of(new ScenarioWorkspace(null, "W")),
                        List.of(new ScenarioConnection(
                                null, "old", null, null, "raw", null, List.of("events"), LONG_SYNC)),
                        null),
                0);
        AirbyteClient client = StandInClients.client(standIn, ApiFlavour.CONFIG);
        watcher = threads.watcher(client)
                .breaker(breaker)
                .interval(Duration.ofHours(1))
                .singleReadAfter(Duration.ofHours(1))
                .overlap(Duration.ofSeconds(2))
                .build();
        long jobId = startJobs(client).get(0);

        watcher.look();
        watcher.look();

        assertThat(watcher.latest(jobId))
                .hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.RUNNING));
        assertThat(calls("POST /api/v1/jobs/list_for_workspaces"))
                .as("asked once, then remembered")
                .isEqualTo(1);
        assertThat(calls("POST /api/v1/jobs/list")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aNotifiedEndWakesTheFollowersWithoutACallAndTheNextLookConfirmsIt(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 1, SHORT_SYNC, 0.05, Duration.ofMinutes(5), Duration.ofHours(1));
        long jobId = startJobs(client).get(0);
        String connectionId = watcher.latest(jobId).orElseThrow().connectionId();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> standIn.jobsOf(connectionId).get(0).endedAt().isPresent());
        CompletableFuture<Void> change = watcher.nextChange(jobId);
        long callsBefore = batchedCalls(flavour) + singleReads(flavour);

        boolean followed = watcher.notified(new JobEndNotice(jobId, connectionId, true, null, 1234L, 5678L));

        assertThat(followed).isTrue();
        assertThat(change).as("the followers are woken").isDone();
        assertThat(watcher.latest(jobId)).hasValueSatisfying(job -> {
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.rowsSynced()).isEqualTo(1234L);
            assertThat(job.bytesSynced()).isEqualTo(5678L);
        });
        assertThat(batchedCalls(flavour) + singleReads(flavour))
                .as("calls to Airbyte")
                .isEqualTo(callsBefore);

        // the run ends and stops following; the job stays until a read confirms what the notice said
        watcher.unwatch(jobId);
        assertThat(watcher.size()).isEqualTo(1);
        watcher.look();

        assertThat(watcher.noticesContradicted()).isZero();
        assertThat(watcher.size()).as("confirmed, then forgotten").isZero();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aNotifiedEndThatAirbyteContradictsIsCounted(ApiFlavour flavour) {
        // single-read-after zero: a running answer after the notice cannot be one asked before the job ended
        AirbyteClient client = start(flavour, 1, LONG_SYNC, 1.0, Duration.ofMinutes(5), Duration.ZERO);
        long jobId = startJobs(client).get(0);
        String connectionId = watcher.latest(jobId).orElseThrow().connectionId();

        watcher.notified(new JobEndNotice(jobId, connectionId, false, "Sync failed: disk full", null, null));
        watcher.look();

        assertThat(watcher.latest(jobId)).hasValueSatisfying(job -> {
            assertThat(job.status())
                    .as("a followed job's end is not taken back")
                    .isEqualTo(JobStatus.FAILED);
            assertThat(job.failureReason()).isEqualTo("Sync failed: disk full");
        });
        assertThat(watcher.noticesContradicted()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aNoticeNamingAnotherConnectionIsReadInsteadOfBelieved(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 1, LONG_SYNC, 1.0, Duration.ofMinutes(5), Duration.ofHours(1));
        long jobId = startJobs(client).get(0);
        long readsBefore = singleReads(flavour);

        boolean followed = watcher.notified(new JobEndNotice(jobId, "another-connection", true, null, 1L, 1L));

        assertThat(followed).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> singleReads(flavour) > readsBefore);
        assertThat(watcher.latest(jobId))
                .hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.RUNNING));
        assertThat(watcher.noticesContradicted()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aRunningAnswerSoonAfterTheNoticeWaitsForALaterReadRatherThanContradictIt(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 1, LONG_SYNC, 1.0, Duration.ofMinutes(5), Duration.ofHours(1));
        long jobId = startJobs(client).get(0);
        String connectionId = watcher.latest(jobId).orElseThrow().connectionId();

        watcher.notified(new JobEndNotice(jobId, connectionId, true, null, null, null));
        watcher.unwatch(jobId);
        watcher.look();

        assertThat(watcher.noticesContradicted()).isZero();
        assertThat(watcher.size())
                .as("kept until a read confirms or contradicts the notice")
                .isEqualTo(1);
        assertThat(watcher.latest(jobId))
                .hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED));
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void aLookListsEveryFollowedJobsChangeHoweverManyAreFollowed(ApiFlavour flavour) {
        AirbyteClient client = start(flavour, 1, LONG_SYNC, 1.0, Duration.ofMinutes(5), Duration.ofHours(1));
        // the started job's snapshot gives the watcher a time of Airbyte's to list from
        startJobs(client);
        String connectionId = client.listConnections().get(0).connectionId();
        // 2,100 more followed jobs changed in the look's window: 22 pages, more than the 20 a look reads for a few
        standIn.seedHistory(2_100, Duration.ofSeconds(30));
        List<Long> followed =
                standIn.jobsOf(connectionId).stream().map(job -> job.id()).toList();
        followed.forEach(id -> watcher.watch(id, connectionId));

        watcher.look();

        assertThat(followed).hasSizeGreaterThan(2_100);
        assertThat(batchedCalls(flavour)).isGreaterThan(JobWatcher.MAX_PAGES);
        assertThat(watcher.listingsCut()).isZero();
        assertThat(singleReads(flavour)).isZero();
        assertThat(followed).allSatisfy(id -> assertThat(watcher.latest(id)).isPresent());
    }
}
