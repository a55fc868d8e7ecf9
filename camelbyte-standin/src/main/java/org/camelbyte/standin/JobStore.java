package org.camelbyte.standin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** Every job of both API flavours, in creation order; reads take no lock. */
final class JobStore {

    private final ConcurrentNavigableMap<Long, StandInJob> jobs = new ConcurrentSkipListMap<>();
    private final Map<String, StandInJob> latestByConnection = new ConcurrentHashMap<>();
    private final double timeScale;
    private final Clock clock;
    private final SuccessNotifier notifier;
    private final JobJournal journal;
    private final UpdateIndex byUpdate;
    private long nextId = 1;
    private final List<java.util.function.Consumer<StandInJob>> onCreated =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** {@code journal} may be null: then jobs live as long as the stand-in. */
    JobStore(double timeScale, Clock clock, SuccessNotifier notifier, JobJournal journal) {
        this.timeScale = timeScale;
        this.clock = clock;
        this.notifier = notifier;
        this.journal = journal;
        this.byUpdate = new UpdateIndex(clock);
    }

    /** Brings back the jobs a journal holds, with their own creation and cancel times. */
    synchronized void restore(StandInScenario scenario) {
        if (journal == null) {
            return;
        }
        for (String[] entry : journal.entries()) {
            if (entry[0].equals("created") && entry.length == 5) {
                long id = Long.parseLong(entry[1]);
                scenario.connection(entry[2])
                        .ifPresent(connection -> add(new StandInJob(
                                id,
                                connection,
                                entry[3],
                                Instant.ofEpochMilli(Long.parseLong(entry[4])),
                                new JobTimeline(connection.scriptFor(entry[3]), connection.streams()),
                                timeScale,
                                clock)));
                nextId = Math.max(nextId, id + 1);
            } else if (entry[0].equals("cancelled") && entry.length == 3) {
                get(Long.parseLong(entry[1])).ifPresent(job -> {
                    job.cancelledAt(Instant.ofEpochMilli(Long.parseLong(entry[2])));
                    byUpdate.index(job);
                });
            }
        }
    }

    /** Cancels the job, and journals it so a restart keeps it cancelled. */
    boolean cancel(StandInJob job) {
        boolean cancelled = job.cancel();
        if (cancelled) {
            byUpdate.index(job);
            if (journal != null) {
                journal.cancelled(job, clock.instant());
            }
        }
        return cancelled;
    }

    /**
     * Creates a job unless the connection is not active or already has one running. Serialised so two
     * concurrent triggers cannot both start a sync, as Airbyte guarantees.
     */
    synchronized StandInJob create(ScenarioConnection connection, String jobType) {
        if (!connection.isActive()) {
            throw new JobConflict(JobConflict.Reason.INACTIVE, "Can only sync an active connection", null);
        }
        Optional<StandInJob> running = runningOn(connection.id());
        if (running.isPresent()) {
            throw new JobConflict(
                    JobConflict.Reason.ALREADY_RUNNING,
                    "A sync is already running for: " + connection.id(),
                    running.get());
        }
        StandInJob job = new StandInJob(
                nextId++,
                connection,
                jobType,
                clock.instant(),
                new JobTimeline(connection.scriptFor(jobType), connection.streams()),
                timeScale,
                clock);
        add(job);
        if (journal != null) {
            journal.created(job);
        }
        return job;
    }

    /**
     * Adds {@code count} sync jobs created around {@code createdAt}, spread over {@code connections} in turn, a
     * millisecond apart: the history an old Airbyte has. Not journalled and not notified (no webhooks, no rows
     * landing): they ended long before anyone watched.
     */
    synchronized void seedHistory(List<ScenarioConnection> connections, int count, Instant createdAt) {
        for (int i = 0; i < count; i++) {
            ScenarioConnection connection = connections.get(i % connections.size());
            StandInJob job = new StandInJob(
                    nextId++,
                    connection,
                    "sync",
                    createdAt.plusMillis(i),
                    new JobTimeline(connection.scriptFor("sync"), connection.streams()),
                    timeScale,
                    clock);
            jobs.put(job.id(), job);
            byUpdate.index(job);
            latestByConnection.merge(job.connectionId(), job, (a, b) -> a.id() > b.id() ? a : b);
        }
    }

    private void add(StandInJob job) {
        jobs.put(job.id(), job);
        byUpdate.index(job);
        latestByConnection.put(job.connectionId(), job);
        notifier.watch(job);
        onCreated.forEach(listener -> listener.accept(job));
    }

    /** Told of every job as it is created (or restored from the journal). */
    void onCreated(java.util.function.Consumer<StandInJob> listener) {
        onCreated.add(listener);
    }

    Optional<StandInJob> get(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** A snapshot that fires the success listeners first, so rows have landed before anyone sees success. */
    JobSnapshot observe(StandInJob job) {
        JobSnapshot snapshot = job.snapshot();
        if (snapshot.status().equals("succeeded")) {
            notifier.succeeded(job);
        }
        return snapshot;
    }

    /** Only the newest job of a connection can still run: creation refuses while one does. */
    Optional<StandInJob> runningOn(String connectionId) {
        return Optional.ofNullable(latestByConnection.get(connectionId))
                .filter(j -> !j.snapshot().isTerminal());
    }

    /** A listing by update, newest first, read from the index as a database would: {@link UpdateIndex#newestFirst}. */
    List<StandInJob> newestChangesFirst(
            Function<Instant, Instant> shown, Instant start, Instant end, Predicate<StandInJob> keep, int max) {
        return byUpdate.newestFirst(shown, start, end, keep, max);
    }

    List<StandInJob> all() {
        return new ArrayList<>(jobs.values());
    }

    List<StandInJob> of(String connectionId) {
        return jobs.values().stream()
                .filter(j -> j.connectionId().equals(connectionId))
                .toList();
    }

    int size() {
        return jobs.size();
    }
}
