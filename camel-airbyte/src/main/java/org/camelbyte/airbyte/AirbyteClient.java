package org.camelbyte.airbyte;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One Airbyte instance, whichever API flavour it speaks. Each method is one logical call; transient
 * failures surface as {@link AirbyteUnavailableException} so the caller (a route) decides when to retry.
 */
public interface AirbyteClient {

    /** Every connection the credentials see (or those of the configured workspace), all pages read. */
    List<AirbyteConnection> listConnections();

    /**
     * Starts a job. A 409 "already running" adopts the running job instead of failing when it is of the same
     * type ({@link TriggeredJob#adopted()} is then true); a running job of another type is refused with an
     * {@link AirbyteRejectedException} naming it, never reported as this start's job.
     */
    TriggeredJob startJob(String connectionId, JobType type);

    /**
     * The id of this connection's newest job of any type, empty when it has none: noted before a job POST,
     * so a lost answer is judged by Airbyte's own job ids, never by comparing clocks.
     */
    Optional<Long> newestJobId(String connectionId);

    /**
     * The id of the newest job of any connection in the workspaces this client sees, 0 when there is none;
     * empty when this server cannot list jobs across connections (then ask {@link #newestJobId} instead).
     * Airbyte numbers every job from one sequence, so any id read before a job POST is below the id of the
     * job the POST creates: one read serves every start that happens at the same moment ({@link JobStart}).
     */
    OptionalLong newestJobIdOverall();

    /** This connection's jobs of {@code type} with an id above {@code afterJobId}, newest first. */
    List<AirbyteJob> jobsAfter(String connectionId, JobType type, long afterJobId);

    /**
     * The newest job of this connection created at or after {@code since}, if any. Only a fallback for run
     * records written before job ids were noted: Airbyte's clock and timestamp precision are not ours.
     */
    Optional<AirbyteJob> findJobCreatedSince(String connectionId, JobType type, Instant since);

    AirbyteJob getJob(long jobId);

    void cancelJob(long jobId);

    /**
     * The job watcher's batched look: the jobs changed at or after {@code since}, each handed to {@code each} as
     * its page arrives, at most {@code maxPages} pages, and no page more once {@code seenEnough} answers true (the
     * caller has been shown every job it waits on); the answer says whether that saw every change the caller
     * needs and whether the server ignored the time filter ({@link ChangeListing}). {@code connectionIds} are the
     * connections whose jobs are followed; only servers that can list jobs per connection alone need them.
     * {@code since} is on Airbyte's clock (a time it showed), compared by the server with its own times. Not a
     * default method: a wrapping client that forgot it would leave every run without news of its job.
     */
    JobListing listJobsChangedSince(
            Instant since,
            Set<String> connectionIds,
            int maxPages,
            Consumer<AirbyteJob> each,
            BooleanSupplier seenEnough);
}
