package org.camelbyte.airbyte;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every job in flight on one Airbyte instance with batched calls, so thousands of runs cost a
 * handful of calls: every {@code interval}, one listing of the jobs changed since the last look
 * ({@link AirbyteClient#listJobsChangedSince}, at most {@link #MAX_PAGES} pages) inside the shared circuit
 * breaker. A job the batches have not reported for longer than {@code singleReadAfter} (or never, once a look
 * has passed since it was watched), or that a listing cut at its page limit may have missed, is read on its
 * own, at most {@link #SINGLE_READS} per look, so neither a listing gap nor a server that ignores the
 * listing's filter stalls a run or makes a look unbounded.
 *
 * <p>The API, for the run's poll step and for any other follower of a job:
 * <ul>
 *   <li>{@link #watch(long, String)} starts following a job (idempotent; cheap to call on every poll);</li>
 *   <li>{@link #latest(long)} is the job's newest snapshot, without calling Airbyte (empty until one
 *       was read; throws the {@link AirbyteRejectedException} when Airbyte refused the job for good);</li>
 *   <li>{@link #nextChange(long)} completes when the snapshot changes, so a waiting run wakes at once;</li>
 *   <li>{@link #hurry(long)} reads the job now (a webhook said it ended); unknown jobs are ignored;</li>
 *   <li>{@link #unwatch(long)} stops following it.</li>
 * </ul>
 * Five threads per instance, whatever the number of jobs, given by its owner ({@link JobWatcherBuilder#threads}):
 * one for the batched looks, {@link #READERS} for single reads.
 */
public final class JobWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWatcher.class);

    /** The shortest default interval: looking more often costs Airbyte more than the followers gain. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    private static final Duration FORGET_ENDED_AFTER = Duration.ofMinutes(10);
    /**
     * The single readers a watcher is given: a few at once, since a burst of webhooks asks for one read per
     * ended job and each waits on Airbyte's answer; a few, since every one of them is a call on Airbyte.
     */
    public static final int READERS = 4;

    /** Pages one look reads at most: 2,000 changed jobs; a server that ignores the filter cannot make it more. */
    static final int MAX_PAGES = 20;

    /** Single reads one look queues at most, whatever the listing missed: the rest wait for the next looks. */
    static final int SINGLE_READS = 20;

    private final LongAdder listingsIgnoringFilter = new LongAdder();
    private final LongAdder listingsCut = new LongAdder();
    private volatile boolean filterIgnoredSaid;
    private volatile boolean cutSaid;

    private final AirbyteClient client;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final Duration interval;
    private final Duration singleReadAfter;
    private final Duration overlap;
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
    /** The batched looks' thread: the owner's (a Camel context's), which shuts it down. */
    private final ScheduledExecutorService looks;
    /** Single reads ({@link #READERS} threads suit them); the owner's too. */
    private final ExecutorService reads;

    private volatile ScheduledFuture<?> schedule;
    /**
     * The newest time Airbyte showed in any answer (a job's update or creation time, on ITS clock and at its
     * precision), and what that was when the last successful look began. The next look asks for changes since
     * the latter, less the overlap: our clock never enters the cursor, so a server minutes off ours or showing
     * minutes only still reports every change. One look behind, because a listing paged by offset skips a job
     * when one before it changes between two pages; the next look lists the skipped one again.
     */
    private final java.util.concurrent.atomic.AtomicReference<Instant> newestShown =
            new java.util.concurrent.atomic.AtomicReference<>();

    private volatile Instant cursor;

    /** When (our clock) the newest look whose listing was complete began: it vouches for every job it did not show. */
    private volatile Instant lastCompleteLook;

    private volatile boolean warned;

    /** Looks whose listing failed in a row, since when, and the last failure: why a run's news may be old. */
    private final AtomicInteger failedLooks = new AtomicInteger();

    private volatile Instant failingSince;
    private volatile String lastFailure;

    /** The Airbyte instance the jobs live on ({@link AirbyteSettings#instance()}); null when not told. */
    private final String instance;

    private JobWatcher(JobWatcherBuilder b) {
        this.instance = b.instance;
        this.client = b.client;
        this.breaker = b.breaker;
        this.clock = b.clock;
        this.interval = b.interval;
        this.singleReadAfter = b.singleReadAfter;
        this.overlap = b.overlap;
        this.looks = b.looks;
        this.reads = b.reads;
    }

    /** A watcher of the jobs {@code client} starts; see {@link JobWatcherBuilder} for what it needs besides. */
    public static JobWatcherBuilder builder(AirbyteClient client) {
        return new JobWatcherBuilder(client, JobWatcher::new);
    }

    /** Begins the looks; at a fixed rate, so a slow listing does not push the next one back. */
    public JobWatcher start() {
        schedule = looks.scheduleAtFixedRate(
                this::lookSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * The Airbyte instance this watcher follows jobs on (base URL and workspace), null when unknown: a job id
     * means a job only together with it.
     */
    public String instance() {
        return instance;
    }

    public void watch(long jobId) {
        watch(jobId, null);
    }

    /** Follows the job; {@code connectionId} (may be null) helps servers that list jobs per connection only. */
    public void watch(long jobId, String connectionId) {
        watched.computeIfAbsent(jobId, id -> new Watched(id, connectionId, clock.instant()));
    }

    /** Follows a job just read elsewhere (the answer that started it): its snapshot, and Airbyte's time in it. */
    public void watch(AirbyteJob job) {
        Watched w = watched.computeIfAbsent(job.jobId(), id -> new Watched(id, job.connectionId(), clock.instant()));
        update(w, job);
    }

    public void unwatch(long jobId) {
        Watched w = watched.remove(jobId);
        if (w != null) {
            w.wake();
        }
    }

    /** The newest snapshot read, if any; throws the refusal when Airbyte said the job does not exist for us. */
    public Optional<AirbyteJob> latest(long jobId) {
        Watched w = watched.get(jobId);
        if (w == null) {
            return Optional.empty();
        }
        if (w.refused != null) {
            throw w.refused;
        }
        return Optional.ofNullable(w.latest);
    }

    /**
     * Up to when (our clock) the watcher knows the job's state: its last read, or the start of the newest complete
     * listing since it was followed (a change would have been on it); empty when it is not followed or was never
     * read. A run compares it with its own deadline, both on our clock, to tell a job that ran past the timeout
     * from one the watcher lost sight of.
     */
    public Optional<Instant> knownAsOf(long jobId) {
        Watched w = watched.get(jobId);
        if (w == null || w.latest == null) {
            return Optional.empty();
        }
        Instant read = w.seenAt;
        Instant complete = lastCompleteLook;
        if (complete != null && !w.unsure && complete.isAfter(w.watchedAt) && complete.isAfter(read)) {
            return Optional.of(complete);
        }
        return Optional.ofNullable(read);
    }

    /** How often the watcher looks. */
    public Duration interval() {
        return interval;
    }

    /** Completes when the job's snapshot changes (or at once when the job is not followed). */
    public CompletableFuture<Void> nextChange(long jobId) {
        Watched w = watched.get(jobId);
        return w == null ? CompletableFuture.completedFuture(null) : w.changed;
    }

    /**
     * Reads the job now, singly, rather than at the next look (a webhook said it ended); answers false for a
     * job nobody follows. A single read, not a listing: a listing is ordered oldest change first, so when
     * hundreds of jobs end together the ended ones come on its last pages. A job already seen ended, or already
     * waiting for a read, costs nothing more, so a replayed notification makes no call.
     */
    public boolean hurry(long jobId) {
        Watched w = watched.get(jobId);
        if (w == null) {
            return false;
        }
        if (!w.isTerminal()) {
            queueRead(w);
        }
        return true;
    }

    /**
     * As {@link #hurry(long)}, for Airbyte's failure notification: its {@code errorMessage} is kept as the job's
     * failure reason when Airbyte's own answer gives none (the public API never does), so the run records why.
     */
    public boolean hurry(long jobId, String failureReason) {
        Watched w = watched.get(jobId);
        if (w != null && failureReason != null && !failureReason.isBlank()) {
            w.reasonGiven = failureReason;
            AirbyteJob latest = w.latest;
            if (latest != null && latest.status().isTerminal()) {
                // already read as ended without a reason: give it the reason now (wakes the run)
                w.update(latest, clock.instant());
            }
        }
        return hurry(jobId);
    }

    /** How many jobs are followed, for health and the benchmark. */
    public int size() {
        return watched.size();
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            LOG.warn(
                    "Airbyte job watcher: a look failed ({}); the next one follows in {} ms",
                    e.getMessage(),
                    interval.toMillis());
        }
    }

    /**
     * One batched look, then single reads for the jobs it could not vouch for. Whatever the server does, a look
     * costs at most {@link #MAX_PAGES} listing calls and {@link #SINGLE_READS} single reads: a failed listing or
     * one cut at the page limit still reads the jobs it is missing, a few per look, so a run never waits on pages
     * the watcher did not get to.
     */
    void look() {
        if (watched.isEmpty()) {
            return;
        }
        Instant started = clock.instant();
        Instant newestAtStart = newestShown.get();
        Instant known = cursor != null ? cursor : newestAtStart;
        if (known == null) {
            // nothing read from this server yet, so no time of its own to list from: read the jobs singly
            readMissing(started);
            return;
        }
        Instant since = known.minus(overlap);
        Set<String> connections = watched.values().stream()
                .map(w -> w.connectionId)
                .filter(c -> c != null)
                .collect(Collectors.toSet());
        Set<Long> listed = ConcurrentHashMap.newKeySet();
        JobListing listing;
        try {
            listing = breaker.executeSupplier(() -> client.listJobsChangedSince(since, connections, MAX_PAGES, job -> {
                Watched w = watched.get(job.jobId());
                if (w != null) {
                    listed.add(job.jobId());
                    update(w, job);
                }
            }));
            if (warned) {
                LOG.info("Airbyte job watcher: batched looks work again");
                warned = false;
                failedLooks.set(0);
            }
        } catch (CallNotPermittedException | AirbyteException e) {
            failedLooks.incrementAndGet();
            lastFailure = e.getMessage();
            if (!warned) {
                failingSince = started;
                LOG.warn(
                        "Airbyte job watcher: jobs not listed ({}); runs keep their last snapshot, the jobs not read"
                                + " for a while are read one by one, and the next look asks again from {}",
                        e.getMessage(),
                        since);
                warned = true;
            }
            // the cursor stays: the next look lists the same changes again
            readMissing(started);
            return;
        }
        noteListing(listing);
        if (!listing.complete()) {
            // the pages not read may hold changes of followed jobs: those jobs are read one by one
            watched.values().stream()
                    .filter(w -> !w.isTerminal() && !listed.contains(w.jobId))
                    .forEach(w -> w.unsure = true);
        }
        if (listing.complete()) {
            lastCompleteLook = started;
        }
        cursor = newestAtStart;
        // a run that ended another way (deadline, watchdog) may not unwatch its job; ended jobs go after a while
        Instant forgetBefore = started.minus(FORGET_ENDED_AFTER);
        watched.values().removeIf(w -> w.isTerminal() && w.seenAt.isBefore(forgetBefore));
        readMissing(started);
    }

    /** Records (and says once) that the server ignores the listing's filter, and that a listing was cut. */
    private void noteListing(JobListing listing) {
        if (listing.filterIgnored()) {
            listingsIgnoringFilter.increment();
            if (!filterIgnoredSaid) {
                filterIgnoredSaid = true;
                LOG.warn(
                        "Airbyte job watcher: Airbyte ignores the job list's time filter (updatedAtStart) and lists"
                                + " jobs changed long before; the watcher lists newest changes first, stops at the first old"
                                + " job and at {} pages, and reads the rest one by one",
                        MAX_PAGES);
            }
        }
        if (!listing.complete()) {
            listingsCut.increment();
            if (!cutSaid) {
                cutSaid = true;
                LOG.warn(
                        "Airbyte job watcher: a listing of changed jobs was cut at {} pages; the followed jobs it"
                                + " did not show are read one by one, up to {} per look",
                        MAX_PAGES,
                        SINGLE_READS);
            }
        }
    }

    /**
     * Why the watcher's news may be old, as a clause for progress lines: the listings failing since when, how
     * often, the last failure and when it tries again; empty while the looks work.
     */
    public Optional<String> trouble() {
        int failed = failedLooks.get();
        Instant since = failingSince;
        if (!warned || failed == 0 || since == null) {
            return Optional.empty();
        }
        return Optional.of("Airbyte's job listing failed " + failed + (failed == 1 ? " time" : " times") + " since "
                + since.truncatedTo(ChronoUnit.SECONDS) + " (last: " + lastFailure
                + "); the watcher tries again every " + Durations.format(interval));
    }

    /** Listings that showed the server ignores their time filter, for health and the benchmark. */
    public long listingsIgnoringFilter() {
        return listingsIgnoringFilter.sum();
    }

    /** Listings cut at the page limit. */
    public long listingsCut() {
        return listingsCut.sum();
    }

    /**
     * Reads singly, at most {@link #SINGLE_READS} per look and the longest unseen first: jobs never read yet,
     * jobs a cut listing may have missed, and jobs the looks left out for longer than {@code singleReadAfter}.
     */
    private void readMissing(Instant started) {
        Instant missingSince = started.minus(singleReadAfter);
        watched.values().stream()
                .filter(w -> !w.reading.get())
                .filter(w -> (w.latest == null && w.refused == null && w.watchedAt.isBefore(started))
                        || (!w.isTerminal() && w.refused == null && w.unsure)
                        || (w.seenAt != null && w.seenAt.isBefore(missingSince) && !w.isTerminal()))
                .sorted(Comparator.comparing((Watched w) -> w.seenAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .limit(SINGLE_READS)
                .forEach(this::queueRead);
    }

    /** Keeps the snapshot and the newest time the server showed in it. */
    private void update(Watched w, AirbyteJob job) {
        Instant shown = job.updatedAt() != null ? job.updatedAt() : job.createdAt();
        if (shown != null) {
            newestShown.accumulateAndGet(shown, (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
        w.update(job, clock.instant());
    }

    /** Once in the queue, however many looks or notifications ask while the readers work through it. */
    private void queueRead(Watched w) {
        if (w.reading.compareAndSet(false, true)) {
            try {
                reads.execute(() -> readSingly(w));
            } catch (RejectedExecutionException stopping) {
                // the owner is shutting the readers down: nothing more to read
                w.reading.set(false);
            }
        }
    }

    private void readSingly(Watched w) {
        w.reading.set(false);
        if (!watched.containsKey(w.jobId)) {
            return;
        }
        try {
            update(w, breaker.executeSupplier(() -> client.getJob(w.jobId)));
        } catch (AirbyteRejectedException e) {
            w.refused = e;
            w.wake();
        } catch (CallNotPermittedException | AirbyteException e) {
            LOG.debug(
                    "Airbyte job watcher: job {} not read singly ({}); the next look tries again",
                    w.jobId,
                    e.getMessage());
        }
    }

    /** Stops the looks; the threads are the owner's to shut down (a Camel context does it when it stops). */
    @Override
    public void close() {
        ScheduledFuture<?> looking = schedule;
        if (looking != null) {
            looking.cancel(false);
        }
    }

    /** One followed job: its newest snapshot and the future its waiting run sleeps on. */
    private static final class Watched {
        final long jobId;
        final String connectionId;
        final Instant watchedAt;
        volatile AirbyteJob latest;
        volatile Instant seenAt;
        volatile AirbyteRejectedException refused;
        /** Why the job failed, as Airbyte's failure notification said (null: none came). */
        volatile String reasonGiven;
        /** A cut listing may have missed its change: read it singly. */
        volatile boolean unsure;

        volatile CompletableFuture<Void> changed = new CompletableFuture<>();
        final java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean();

        Watched(long jobId, String connectionId, Instant watchedAt) {
            this.jobId = jobId;
            this.connectionId = connectionId;
            this.watchedAt = watchedAt;
        }

        boolean isTerminal() {
            AirbyteJob job = latest;
            return job != null && job.status().isTerminal();
        }

        /** Keeps the newest state: a late, older answer never takes an ended job back to running. */
        synchronized void update(AirbyteJob read, Instant now) {
            seenAt = now;
            unsure = false;
            AirbyteJob job = withReasonGiven(read);
            if (job.equals(latest) || (isTerminal() && !job.status().isTerminal())) {
                return;
            }
            latest = job;
            wake();
        }

        private AirbyteJob withReasonGiven(AirbyteJob job) {
            String reason = reasonGiven;
            if (reason == null || job.failureReason() != null || job.status() != JobStatus.FAILED) {
                return job;
            }
            return new AirbyteJob(
                    job.jobId(),
                    job.connectionId(),
                    job.jobType(),
                    job.status(),
                    job.createdAt(),
                    job.rowsSynced(),
                    job.bytesSynced(),
                    job.attempts(),
                    reason,
                    job.streams(),
                    job.updatedAt());
        }

        synchronized void wake() {
            CompletableFuture<Void> waiting = changed;
            changed = new CompletableFuture<>();
            waiting.complete(null);
        }
    }
}
