package org.camelbyte.standin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Every job of both API flavours, in creation order; reads take no lock. */
final class JobStore {

    private final ConcurrentNavigableMap<Long, StandInJob> jobs = new ConcurrentSkipListMap<>();
    private final Map<String, StandInJob> latestByConnection = new ConcurrentHashMap<>();
    private final double timeScale;
    private final Clock clock;
    private final SuccessNotifier notifier;
    private long nextId = 1;

    JobStore(double timeScale, Clock clock, SuccessNotifier notifier) {
        this.timeScale = timeScale;
        this.clock = clock;
        this.notifier = notifier;
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
            throw new JobConflict(JobConflict.Reason.ALREADY_RUNNING,
                    "A sync is already running for: " + connection.id(), running.get());
        }
        StandInJob job = new StandInJob(nextId++, connection, jobType, clock.instant(),
                new JobTimeline(connection.scriptFor(jobType), connection.streams()), timeScale, clock);
        jobs.put(job.id(), job);
        latestByConnection.put(connection.id(), job);
        notifier.watch(job);
        return job;
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
        return Optional.ofNullable(latestByConnection.get(connectionId)).filter(j -> !j.snapshot().isTerminal());
    }

    List<StandInJob> all() {
        return new ArrayList<>(jobs.values());
    }

    List<StandInJob> of(String connectionId) {
        return jobs.values().stream().filter(j -> j.connectionId().equals(connectionId)).toList();
    }

    int size() {
        return jobs.size();
    }
}
