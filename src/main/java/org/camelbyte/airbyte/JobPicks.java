package org.camelbyte.airbyte;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Picking a job out of a connection's newest jobs, the same way whichever API flavour listed them. */
final class JobPicks {
    private JobPicks() {}

    /** The running job a 409 "already running" refers to. */
    static AirbyteJob firstUnfinished(List<AirbyteJob> newestFirst, String refusedCall, String connectionId) {
        return newestFirst.stream()
                .filter(job -> !job.status().isTerminal())
                .findFirst()
                .orElseThrow(() -> new AirbyteUnavailableException(
                        "Airbyte answered 409 (already running) to "
                                + refusedCall + " but lists no unfinished job for connection "
                                + connectionId + "; it has probably just ended, so start the job again.",
                        null,
                        false,
                        null));
    }

    /** The jobs Airbyte numbered after {@code afterJobId}: ids grow with creation whatever its clock says. */
    static List<AirbyteJob> after(List<AirbyteJob> newestFirst, long afterJobId) {
        return newestFirst.stream().filter(job -> job.jobId() > afterJobId).toList();
    }

    /** The newest job if it was created at or after {@code since}. */
    static Optional<AirbyteJob> createdSince(List<AirbyteJob> newestFirst, Instant since) {
        // Airbyte keeps whole seconds; a job created in the same second as `since` still counts.
        Instant from = since.truncatedTo(ChronoUnit.SECONDS);
        return newestFirst.stream()
                .filter(job -> job.createdAt() != null && !job.createdAt().isBefore(from))
                .findFirst();
    }
}
