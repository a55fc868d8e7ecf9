package org.camelbyte.airbyte;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * Starts a job on a connection so that one start never makes two Airbyte jobs, for the app's runs and the
 * {@code airbyte:sync} component alike. The job-creating POST is the one call that is not safe to repeat:
 * its answer may be lost (a timeout, a dropped connection) after Airbyte created the job. So:
 * <ol>
 *   <li>{@link #baseline} reads the newest job id overall before the POST, one read shared by the starts
 *       that ask within a second of each other ({@link SharedBaseline}): Airbyte numbers every job, of every
 *       connection, from one sequence, so an id read before the POST is below the id of the job the POST creates;</li>
 *   <li>{@link #post} POSTs; a 409 "already running" adopts the running job when it is of the same type on the
 *       same connection, and is refused with what was found otherwise (in the client, {@code JobPicks});</li>
 *   <li>after a lost answer, {@link #hiddenJob} finds the job the POST created: the newest of its type on
 *       its connection numbered above the baseline that nobody else follows. Other connections' jobs numbered
 *       above the baseline are never candidates: the listing is of this connection. Airbyte numbers jobs in
 *       creation order whatever its clock says, so times are never compared (except for callers that noted
 *       no baseline).</li>
 * </ol>
 * A caller that keeps the baseline elsewhere between the steps (the app's run record, committed before the
 * POST) calls them one by one; a caller with no later attempt uses {@link #startOnce}.
 */
public final class JobStart {
    /**
     * Only for callers that noted a time instead of a baseline: Airbyte's clock and ours differ, and Airbyte
     * reports creation to the second; look a little before our own timestamp.
     */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(5);

    /**
     * POSTs in one {@link #post} when each is refused because a job was running that had ended by the time we
     * looked: many starts of one connection at once (a burst of runs, short jobs) meet this often.
     */
    static final int POSTS_WHEN_JUST_ENDED = 3;

    /** How long one read of the newest job id overall serves as the baseline of further starts. */
    static final Duration BASELINE_REUSE = Duration.ofSeconds(1);

    /** How each Airbyte call is made: through the app's shared circuit breaker, or directly. */
    @FunctionalInterface
    public interface Calls {
        /** Calls Airbyte straight, for a caller with no circuit breaker. */
        Calls DIRECT = Supplier::get;

        <T> T call(Supplier<T> airbyteCall);
    }

    private final AirbyteClient airbyte;
    private final Calls calls;
    private final SharedBaseline sharedBaseline;

    public JobStart(AirbyteClient airbyte, Calls calls) {
        this(airbyte, calls, BASELINE_REUSE);
    }

    /** {@code baselineReuse}: how long one read of the newest job id serves further starts ({@link SharedBaseline}). */
    public JobStart(AirbyteClient airbyte, Calls calls, Duration baselineReuse) {
        this.airbyte = airbyte;
        this.calls = calls;
        this.sharedBaseline = new SharedBaseline(() -> calls.call(airbyte::newestJobIdOverall), baselineReuse);
    }

    /**
     * A job id no job a POST made after this returns can be numbered at or below, 0 when Airbyte has no job:
     * the newest job id overall, from a read shared with the starts asking at the same moment. On a server
     * that cannot list jobs across connections, the connection's own newest job id.
     */
    public long baseline(String connectionId) {
        OptionalLong overall = sharedBaseline.newestJobId();
        if (overall.isPresent()) {
            return overall.getAsLong();
        }
        return calls.call(() -> airbyte.newestJobId(connectionId)).orElse(0L);
    }

    /**
     * The job-creating POST, once. A 409 "already running" answers the running job ({@link TriggeredJob#adopted()})
     * if it is of {@code type}; a running job of another type throws {@link AirbyteRejectedException} saying so.
     * A 409 whose running job has ended by the time it is listed POSTs again at once (a 409 created no job), up
     * to {@link #POSTS_WHEN_JUST_ENDED} times, then throws {@link JobJustEndedException}. A lost answer throws
     * {@link AirbyteUnavailableException} with {@code outcomeUnknown()}: ask {@link #hiddenJob} before POSTing
     * again.
     */
    public TriggeredJob post(String connectionId, JobType type) {
        for (int posts = 1; ; posts++) {
            try {
                return calls.call(() -> airbyte.startJob(connectionId, type));
            } catch (JobJustEndedException ended) {
                if (posts >= POSTS_WHEN_JUST_ENDED) {
                    throw ended;
                }
            }
        }
    }

    /**
     * The job an earlier POST whose answer was lost created, if any: the newest job of {@code type} numbered
     * after {@code baseline} that {@code followedElsewhere} does not claim. With no baseline (null), the newest
     * created since {@code requestedAt}, a little earlier for the clocks' difference.
     */
    public Optional<AirbyteJob> hiddenJob(
            String connectionId, JobType type, Long baseline, Instant requestedAt, LongPredicate followedElsewhere) {
        if (baseline != null) {
            return calls.call(() -> airbyte.jobsAfter(connectionId, type, baseline)).stream()
                    .filter(job -> !followedElsewhere.test(job.jobId()))
                    .findFirst();
        }
        return calls.call(() -> airbyte.findJobCreatedSince(connectionId, type, requestedAt.minus(CLOCK_SLACK)))
                .filter(job -> !followedElsewhere.test(job.jobId()));
    }

    /**
     * The whole start for a caller with no later attempt and nothing to record (the component): baseline, POST,
     * and a lost answer resolved at once from the jobs Airbyte numbered after the baseline; when it created
     * none, the loss is thrown as it came (never a second POST).
     */
    public TriggeredJob startOnce(String connectionId, JobType type) {
        long baseline = baseline(connectionId);
        try {
            return post(connectionId, type);
        } catch (AirbyteUnavailableException lost) {
            if (!lost.outcomeUnknown()) {
                throw lost;
            }
            return hiddenJob(connectionId, type, baseline, null, jobId -> false)
                    .map(job -> new TriggeredJob(job, false))
                    .orElseThrow(() -> lost);
        }
    }
}
