package org.camelbyte.airbyte;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Picking a job out of a connection's newest jobs, the same way whichever API flavour listed them. */
final class JobPicks {
    private JobPicks() {}

    /**
     * The running job a 409 "already running" refers to, adopted only when it is provably what the refused
     * start would have made: a job of the same connection and the same type. A reset that meets a running sync
     * is refused with what was found rather than reporting the sync's outcome as its own; Airbyte runs one job
     * per connection at a time, so the caller's retry (or the user's) starts the reset once the sync ends.
     */
    static AirbyteJob runningOfType(
            List<AirbyteJob> newestFirst, JobType type, String refusedCall, String connectionId) {
        AirbyteJob running = newestFirst.stream()
                .filter(job -> !job.status().isTerminal())
                .findFirst()
                .orElseThrow(() -> new JobJustEndedException("Airbyte answered 409 (already running) to "
                        + refusedCall + " but lists no unfinished job for connection "
                        + connectionId + "; it has probably just ended, so start the job again."));
        if (running.jobType() != type || !ofConnection(running, connectionId)) {
            throw new AirbyteRejectedException(
                    409,
                    "Airbyte is already running a " + running.jobType().wireName() + " job (id " + running.jobId()
                            + ") on connection " + running.connectionId() + "; a " + type.wireName()
                            + " cannot start on connection " + connectionId + " until it ends, so retry later.");
        }
        return running;
    }

    /**
     * The jobs of {@code type} on {@code connectionId} Airbyte numbered after {@code afterJobId}: ids grow with
     * creation whatever its clock says. Type and connection are checked here too, not left to the server's
     * filters: a server that ignores them must not hand a run another job.
     */
    static List<AirbyteJob> after(List<AirbyteJob> newestFirst, String connectionId, JobType type, long afterJobId) {
        return newestFirst.stream()
                .filter(job -> job.jobId() > afterJobId && job.jobType() == type && ofConnection(job, connectionId))
                .toList();
    }

    /** A job that names no connection (an answer without one) is taken as the one it was listed for. */
    static boolean ofConnection(AirbyteJob job, String connectionId) {
        return job.connectionId() == null || job.connectionId().equals(connectionId);
    }

    /** The newest job if it was created at or after {@code since}. */
    static Optional<AirbyteJob> createdSince(
            List<AirbyteJob> newestFirst, String connectionId, JobType type, Instant since) {
        // Airbyte keeps whole seconds; a job created in the same second as `since` still counts.
        Instant from = since.truncatedTo(ChronoUnit.SECONDS);
        return newestFirst.stream()
                .filter(job -> job.createdAt() != null && !job.createdAt().isBefore(from))
                .filter(job -> job.jobType() == type && ofConnection(job, connectionId))
                .findFirst();
    }
}
