package org.camelbyte.airbyte;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every job in flight on one Airbyte instance with batched calls, so thousands of runs cost a
 * handful of calls: every {@code interval}, one listing of the jobs changed since the last look
 * ({@link AirbyteClient#listJobsChangedSince}, at most {@link #MAX_PAGES} pages and one per hundred followed
 * jobs, and none past the page that showed the last job a follower waits on) inside the shared circuit
 * breaker, and sooner while the looks keep seeing followed jobs end ({@link LookSchedule}). A job the batches
 * have not reported for longer than {@code singleReadAfter} (or never, once a look has passed since it was
 * watched), or that a listing cut at its page limit may have missed, is read on its own, at most {@link
 * SingleReads#PER_LOOK} per look, so neither a listing gap nor a server that ignores the listing's filter
 * stalls a run or makes a look unbounded.
 *
 * <p>The API, for the run's poll step and for any other follower of a job:
 * <ul>
 *   <li>{@link #watch(long, String)} starts following a job (idempotent; cheap to call on every poll);</li>
 *   <li>{@link #latest(long)} is the job's newest snapshot, without calling Airbyte (empty until one
 *       was read; throws the {@link AirbyteRejectedException} when Airbyte refused the job for good);</li>
 *   <li>{@link #nextChange(long)} completes when the job's status, attempts or failure reason change, so a waiting run wakes at once;</li>
 *   <li>{@link #hurry(long)} reads the job now; unknown jobs are ignored;</li>
 *   <li>{@link #notified} takes Airbyte's notification of a job's end at its word, and confirms it later;</li>
 *   <li>{@link #unwatch(long)} stops following it.</li>
 * </ul>
 * Five threads per instance, whatever the number of jobs, given by its owner ({@link JobWatcherBuilder#threads}):
 * one for the batched looks, {@link #READERS} for single reads.
 *
 * <p>Its parts, each answering one question: {@link WatchedJob} (what is known of one job),
 * {@link ListingCursor} (from when the next listing asks), {@link SingleReads} (which jobs are read one by
 * one), {@link LookFailures} and {@link ListingNotes} (how the listings went, for progress lines and health).
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

    /**
     * Pages one look reads at most beyond one page per hundred followed jobs: every followed job's change fits in a
     * look, however many there are (10,000 syncs ending together were listed 2,000 a look, 50 s behind), and a
     * server that ignores the filter cannot make a look longer than that.
     */
    static final int MAX_PAGES = 20;

    private final AirbyteClient client;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final Duration interval;
    private final Duration singleReadAfter;
    private final Duration overlap;
    /** The Airbyte instance the jobs live on ({@link AirbyteSettings#instance()}); null when not told. */
    private final String instance;

    private final Map<Long, WatchedJob> watched = new ConcurrentHashMap<>();
    private final ListingCursor cursor = new ListingCursor();
    private final LookFailures failures = new LookFailures();
    private final ListingNotes notes = new ListingNotes();
    private final SingleReads singleReads;
    /** The batched looks' thread: the owner's (a Camel context's), which shuts it down. */
    private final ScheduledExecutorService looks;

    private final LookSchedule schedule;
    /** An extra look is queued ({@link #hurry}): others asking meanwhile are served by it. */
    private final AtomicBoolean earlyLook = new AtomicBoolean();

    private final LongAdder contradicted = new LongAdder();

    private JobWatcher(JobWatcherBuilder b) {
        this.instance = b.instance;
        this.client = b.client;
        this.breaker = b.breaker;
        this.clock = b.clock;
        this.interval = b.interval;
        this.singleReadAfter = b.singleReadAfter;
        this.overlap = b.overlap;
        this.looks = b.looks;
        this.singleReads = new SingleReads(watched, client, breaker, b.reads, this::update);
        this.schedule = new LookSchedule(looks, interval, b.afterEnds(), this::lookSafely, watched::isEmpty);
    }

    /** A watcher of the jobs {@code client} starts; see {@link JobWatcherBuilder} for what it needs besides. */
    public static JobWatcherBuilder builder(AirbyteClient client) {
        return new JobWatcherBuilder(client, JobWatcher::new);
    }

    /** Begins the looks, whenever jobs are followed ({@link LookSchedule}). */
    public JobWatcher start() {
        schedule.start();
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
        WatchedJob w = watched.get(jobId);
        if (w == null) {
            w = watched.computeIfAbsent(jobId, id -> new WatchedJob(id, connectionId, clock.instant()));
            schedule.followed();
        }
        w.unwatched = false;
    }

    /** Follows a job just read elsewhere (the answer that started it): its snapshot, and Airbyte's time in it. */
    public void watch(AirbyteJob job) {
        WatchedJob w = watched.get(job.jobId());
        if (w == null) {
            w = watched.computeIfAbsent(job.jobId(), id -> new WatchedJob(id, job.connectionId(), clock.instant()));
            schedule.followed();
        }
        update(w, job);
    }

    /** Nobody follows the job any more; one whose notified end waits for a read is kept until that read. */
    public void unwatch(long jobId) {
        WatchedJob w = watched.get(jobId);
        if (w == null) {
            return;
        }
        if (w.noticed == null) {
            forget(w);
        } else {
            w.unwatched = true;
        }
        w.wake();
    }

    /** Stops following the job; the last one followed pauses the looks at once, so the next burst sets their step. */
    private void forget(WatchedJob w) {
        if (watched.remove(w.jobId, w) && watched.isEmpty()) {
            schedule.pause();
        }
    }

    /** The newest snapshot read, if any; throws the refusal when Airbyte said the job does not exist for us. */
    public Optional<AirbyteJob> latest(long jobId) {
        WatchedJob w = watched.get(jobId);
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
        WatchedJob w = watched.get(jobId);
        if (w == null || w.latest == null) {
            return Optional.empty();
        }
        Instant read = w.seenAt;
        if (read == null) {
            // its end is known from Airbyte's notification alone, not read yet
            return Optional.empty();
        }
        Instant complete = cursor.lastCompleteLook();
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
        WatchedJob w = watched.get(jobId);
        return w == null ? CompletableFuture.completedFuture(null) : w.changed;
    }

    /**
     * Reads the job now rather than at the next look (a run's deadline passed, a notification was not taken at its
     * word); answers false for a job nobody follows. A few at a time are read singly, at once. In a burst (more waiting than {@link SingleReads#PER_LOOK}:
     * hundreds of jobs ending together), one extra look at once confirms them together, a listing call per hundred
     * changed jobs instead of a read each, which the reader threads would work through one by one. A job already
     * seen ended, or already waiting for a read, costs nothing more, so a replayed notification makes no call.
     */
    public boolean hurry(long jobId) {
        WatchedJob w = watched.get(jobId);
        if (w == null) {
            return false;
        }
        if (w.isTerminal()) {
            return true;
        }
        if (singleReads.queued() < SingleReads.PER_LOOK || cursor.newestShown() == null) {
            singleReads.queue(w);
        } else {
            lookSoon();
        }
        return true;
    }

    /** One look as soon as the looks' thread is free, however many ask before it runs. */
    private void lookSoon() {
        if (earlyLook.compareAndSet(false, true)) {
            try {
                looks.execute(() -> {
                    earlyLook.set(false);
                    lookSafely();
                });
            } catch (RejectedExecutionException stopping) {
                earlyLook.set(false);
            }
        }
    }

    /**
     * Airbyte's notification that a job ended (its webhook), for a followed job of the same connection: the
     * followers act on it at once, without a call to Airbyte. A read confirms it afterwards, batched with
     * the others: the next look lists the job among those changed, or, should the looks not show it within
     * {@code singleReadAfter}, a single read. A read that says otherwise is logged and counted ({@link
     * #noticesContradicted}): another end, or the job still running {@code singleReadAfter} after the notice
     * (sooner, a running answer may be a listing asked before the job ended). A failure's {@code
     * errorMessage} is kept as the job's failure reason when Airbyte's own answers give none (the public API
     * never does). A notice naming another connection than the followed job's is not taken at its word: the
     * job is read now instead. Answers whether the job is followed.
     */
    public boolean notified(JobEndNotice notice) {
        WatchedJob w = watched.get(notice.jobId());
        if (w == null) {
            return false;
        }
        if (!notice.success()
                && notice.errorMessage() != null
                && !notice.errorMessage().isBlank()) {
            w.reasonGiven = notice.errorMessage();
        }
        AirbyteJob known = w.latest;
        String followed = known != null && known.connectionId() != null ? known.connectionId() : w.connectionId;
        boolean trusted = (notice.connectionId() == null || followed == null || followed.equals(notice.connectionId()))
                && (known == null || known.jobType() == JobType.SYNC);
        if (!trusted) {
            LOG.debug(
                    "Airbyte notification for job {} names connection {}; reading the job instead",
                    notice.jobId(),
                    notice.connectionId());
            return hurry(notice.jobId());
        }
        Instant now = clock.instant();
        if (!w.notified(notice.endOf(known, w.connectionId), now) && known != null && w.reasonGiven != null) {
            // already read as ended, maybe without a reason: give it the reason now (wakes the run if news)
            w.update(known, now);
        }
        return true;
    }

    /** Notified ends a read of the job contradicted since the start (the job's followers went on the notice). */
    public long noticesContradicted() {
        return contradicted.sum();
    }

    /** How many jobs are followed, for health and the benchmark. */
    public int size() {
        return watched.size();
    }

    /**
     * Why the watcher's news may be old, as a clause for progress lines: the listings failing since when, how
     * often, the last failure and when it tries again; empty while the looks work.
     */
    public Optional<String> trouble() {
        return failures.trouble(interval);
    }

    /** Listings that showed the server ignores their time filter, for health and the benchmark. */
    public long listingsIgnoringFilter() {
        return notes.ignoringFilter();
    }

    /** Listings cut at the page limit. */
    public long listingsCut() {
        return notes.cut();
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
     * One batched look, then single reads for the jobs it could not vouch for. Whatever the server does, a
     * look costs at most {@link #MAX_PAGES} listing calls (plus one per hundred followed jobs) and {@link
     * SingleReads#PER_LOOK} single reads: a failed listing or one cut at the page limit still reads the jobs
     * it is missing, a few per look, so a run never waits on pages the watcher did not get to.
     */
    void look() {
        if (watched.isEmpty()) {
            schedule.pause();
            return;
        }
        Instant started = clock.instant();
        long began = System.nanoTime();
        Instant newestAtStart = cursor.newestShown();
        Instant since = cursor.since(newestAtStart, overlap);
        if (since == null) {
            // nothing read from this server yet, so no time of its own to list from: read the jobs singly
            singleReads.readMissing(started, singleReadAfter);
            return;
        }
        Set<String> connections = watched.values().stream()
                .map(w -> w.connectionId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<Long> listed = ConcurrentHashMap.newKeySet();
        // the jobs this look's news is for: those not known ended, and ends a notice told that await a read. Once
        // the listing has shown them all, its further pages can tell their followers nothing
        Set<Long> awaited = watched.values().stream()
                .filter(w -> !w.isTerminal() || w.noticed != null)
                .map(w -> w.jobId)
                .collect(Collectors.toCollection(ConcurrentHashMap::newKeySet));
        int maxPages = MAX_PAGES + watched.size() / 100;
        EndsOldestFirst ends = new EndsOldestFirst(cursor.since(newestAtStart, Duration.ZERO), this::update);
        JobListing listing;
        try {
            listing = breaker.executeSupplier(() -> client.listJobsChangedSince(
                    since,
                    connections,
                    maxPages,
                    job -> {
                        WatchedJob w = watched.get(job.jobId());
                        if (w != null) {
                            listed.add(job.jobId());
                            awaited.remove(job.jobId());
                            ends.shown(w, job);
                        }
                    },
                    awaited::isEmpty));
            failures.worked();
        } catch (CallNotPermittedException | AirbyteException e) {
            failures.failed(started, since, e);
            // the cursor stays: the next look lists the same changes again
            singleReads.readMissing(started, singleReadAfter);
            return;
        } finally {
            ends.handOn();
        }
        notes.note(listing, maxPages);
        if (ends.handedOn() > 0) {
            schedule.endsSeen(began);
        }
        if (!listing.complete()) {
            // the pages not read may hold changes of followed jobs: those jobs are read one by one
            watched.values().stream()
                    .filter(w -> !w.isTerminal() && !listed.contains(w.jobId))
                    .forEach(w -> w.unsure = true);
        }
        cursor.listed(started, began, newestAtStart, listing);
        // a run that ended another way (deadline, watchdog) may not unwatch its job; ended jobs go after a while
        Instant forgetBefore = started.minus(FORGET_ENDED_AFTER);
        watched.values().removeIf(w -> w.isTerminal() && w.seenAt != null && w.seenAt.isBefore(forgetBefore));
        singleReads.readMissing(started, singleReadAfter);
    }

    /** Keeps the snapshot and the newest time the server showed in it; confirms an end a notification told. */
    private void update(WatchedJob w, AirbyteJob job) {
        cursor.shown(job);
        AirbyteJob said = w.noticed;
        Instant now = clock.instant();
        w.update(job, now);
        if (said == null) {
            return;
        }
        if (!job.status().isTerminal() && !now.isAfter(w.noticedAt.plus(singleReadAfter))) {
            // a listing asked before the job ended may answer after the notice: a later read confirms it
            return;
        }
        w.noticed = null;
        if (job.status() != said.status()) {
            contradicted.increment();
            LOG.warn(
                    "Airbyte job watcher: Airbyte's notification said job {} {}, but Airbyte reports it {}; its"
                            + " followers went on the notification's word, so check the job in Airbyte and who"
                            + " sends to the webhook URL.",
                    job.jobId(),
                    said.status().wireName(),
                    job.status().wireName());
        }
        if (w.unwatched) {
            forget(w);
        }
    }

    /** Stops the looks; the threads are the owner's to shut down (a Camel context does it when it stops). */
    @Override
    public void close() {
        schedule.close();
    }
}
