package org.camelbyte.airbyte;

import java.time.Instant;
import java.util.List;

/**
 * A job's state as read from either API flavour. Counts are committed counts; {@code failureReason} is
 * Airbyte's failure summary (null unless the job failed); {@code streams} may be empty when the API
 * flavour does not report per-stream stats. {@code createdAt} and {@code updatedAt} (null when the answer
 * has none) are on Airbyte's clock, which need not be ours.
 */
public record AirbyteJob(
        long jobId,
        String connectionId,
        JobType jobType,
        JobStatus status,
        Instant createdAt,
        long rowsSynced,
        long bytesSynced,
        int attempts,
        String failureReason,
        List<StreamStats> streams,
        Instant updatedAt) {

    public record StreamStats(String namespace, String name, long rowsCommitted, long bytesCommitted) {}
}
