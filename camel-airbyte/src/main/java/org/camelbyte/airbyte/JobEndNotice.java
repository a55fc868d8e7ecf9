package org.camelbyte.airbyte;

/**
 * What Airbyte's sync notification (its webhook) says of a job's end, as far as the watcher trusts it: the job
 * and its connection, success or failure, Airbyte's error message, and the committed records and bytes when the
 * notification carries them (null when not).
 */
public record JobEndNotice(
        long jobId,
        String connectionId,
        boolean success,
        String errorMessage,
        Long recordsCommitted,
        Long bytesCommitted) {

    /** The job's end as this notice tells it, over what was last read of the job ({@code known} may be null). */
    AirbyteJob endOf(AirbyteJob known, String watchedConnectionId) {
        String connection = known != null && known.connectionId() != null
                ? known.connectionId()
                : watchedConnectionId != null ? watchedConnectionId : connectionId;
        return new AirbyteJob(
                jobId,
                connection,
                known == null ? JobType.SYNC : known.jobType(),
                success ? JobStatus.SUCCEEDED : JobStatus.FAILED,
                known == null ? null : known.createdAt(),
                recordsCommitted != null ? recordsCommitted : known == null ? 0 : known.rowsSynced(),
                bytesCommitted != null ? bytesCommitted : known == null ? 0 : known.bytesSynced(),
                known == null ? 0 : known.attempts(),
                success || errorMessage == null || errorMessage.isBlank() ? null : errorMessage,
                known == null ? java.util.List.of() : known.streams(),
                known == null ? null : known.updatedAt());
    }
}
