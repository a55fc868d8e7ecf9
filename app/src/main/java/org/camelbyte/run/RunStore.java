package org.camelbyte.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * Run records in the state database. Every write is durable when its call returns, so a crash keeps every
 * step done; writes made at the same moment by many runs share one commit ({@link GroupCommit}).
 *
 * <p>The one door callers use; behind it each part answers one question: what the records say
 * ({@link RunReads}), a run's writes as its steps go ({@link RunWrites}), the writes that end a run from
 * outside its loop ({@link RunCancels}), and how a run's columns are bound and read ({@link RunColumns}).
 */
public class RunStore implements AutoCloseable {
    private static final String OPEN = " AND " + RunReads.OPEN;

    private final RunReads reads;
    private final RunWrites writes;
    private final RunCancels cancels;

    /** New runs are recorded already owned under {@code lease}: the instance accepting a run follows it. */
    public RunStore(DataSource dataSource, ObjectMapper json, Lease lease) {
        RunColumns columns = new RunColumns(json);
        this.reads = new RunReads(dataSource, columns);
        this.writes = new RunWrites(dataSource, columns, lease);
        this.cancels = new RunCancels(dataSource);
    }

    /** Lets the writes already queued commit, then refuses new ones: before the state database closes. */
    @Override
    public void close() {
        writes.close();
    }

    /**
     * Records a new run unless one with the same requestId exists; either way returns the stored run,
     * so a duplicate request answers with the run it already started.
     */
    public Run insertOrGetExisting(Run run) {
        return writes.insert(run) ? run : findByRequestId(run.getRequestId()).orElseThrow();
    }

    public void update(Run run) {
        writes.updateIf(run, "", false);
    }

    /**
     * {@link #update} for the write that says the job-creating POST goes out: only while the run is still
     * queued, so a run cancelled meanwhile is never started; answers whether it was.
     */
    public boolean updateIfStillQueued(Run run) {
        return writes.updateIf(run, " AND status='queued'", false);
    }

    /**
     * {@link #update} for a poll's progress: only while the run has no outcome, so a cancel recorded meanwhile
     * (by any instance) is not turned back into running before the loop sees the job cancelled.
     */
    public boolean updateWhileOpen(Run run) {
        return writes.updateIf(run, OPEN, true);
    }

    /** {@link #updateWhileOpen} answered once its shared commit is durable: the caller's thread goes on meanwhile. */
    public CompletableFuture<Boolean> updateWhileOpenLater(Run run) {
        return writes.updateIfLater(run, OPEN, true);
    }

    /**
     * {@link #update} for the loop of a run the API cancelled while it ran ({@link #noteCancel}, then {@link
     * #endIfRunning} with the same sentence): that call leaves the outcome to the loop following the run, which
     * writes the figures it has and publishes it; only while the record is still that cancel.
     */
    public boolean updateIfCancelLeftToLoop(Run run) {
        return writes.updateIf(run, " AND status='cancelled' AND job_id IS NOT NULL AND error = cancel_note", true);
    }

    /** Writes only why the run waits (null clears it), leaving the rest of the record as it is. */
    public void recordWaiting(String runId, RunWaiting waiting) {
        writes.recordWaiting(runId, waiting);
    }

    /** Keeps the results of the team's steps on a run that had already ended (docs/pipelines.md). */
    public void recordResults(String runId, Map<String, String> results) {
        writes.recordResults(runId, results);
    }

    public Optional<Run> find(String runId) {
        return reads.find(runId);
    }

    /** The runs of these ids that have a record, in no particular order. */
    public List<Run> findAll(Collection<String> runIds) {
        return reads.findAll(runIds);
    }

    public Optional<Run> findByRequestId(String requestId) {
        return reads.findByRequestId(requestId);
    }

    /** Whether another run already follows this Airbyte job, so it cannot be the one our lost POST created. */
    public boolean jobFollowedByAnotherRun(long jobId, String runId) {
        return jobFollowedByAnotherRun(jobId, runId, null);
    }

    /**
     * As {@link #jobFollowedByAnotherRun(long, String)}, on {@code airbyteInstance} only (null: on any): a run of
     * another Airbyte instance follows another job of the same id. Runs recorded before the instance was noted
     * count on every instance, as nobody can tell.
     */
    public boolean jobFollowedByAnotherRun(long jobId, String runId, String airbyteInstance) {
        return reads.jobFollowedByAnotherRun(jobId, runId, airbyteInstance);
    }

    /** Runs of one pipeline without an outcome yet, oldest first. */
    public List<Run> openRuns(String pipeline) {
        return reads.openRuns(pipeline);
    }

    /**
     * The oldest held run of the pipeline, unless one of its runs goes (queued, running, post_sync and not
     * held): one indexed row at most, where reading every open run made each outcome cost O(open runs).
     */
    public Optional<Run> nextHeldIfNoneGoes(String pipeline) {
        return reads.nextHeldIfNoneGoes(pipeline);
    }

    /** The most recent runs of one pipeline, newest first. */
    public List<Run> recentRuns(String pipeline, int limit) {
        return reads.recentRuns(pipeline, limit);
    }

    /**
     * One page of run history, newest first (started_at, then run_id, so runs started in the same instant
     * page stably); answers up to {@code limit + 1} runs, the extra one telling the caller a next page exists.
     */
    public List<Run> history(RunQuery q) {
        return reads.history(q);
    }

    /** The runs of one group run, oldest first. */
    public List<Run> runsOfGroupRun(String groupRunId) {
        return reads.runsOfGroupRun(groupRunId);
    }

    /**
     * Ends a run still following its job, in one statement, so an outcome recorded meanwhile is never
     * overwritten, nor a run whose sync ended and went on to its post-sync checks; answers whether this call
     * ended it.
     */
    public boolean endIfRunning(String runId, RunStatus status, String error, Instant endedAt) {
        return cancels.endIfRunning(runId, status, error, endedAt);
    }

    /**
     * Notes a cancel asked for a running run that has an Airbyte job, before the job is cancelled, so the
     * instance following the run, which may be another one, ends it with this sentence when it sees the job
     * cancelled; answers whether the run was still running.
     */
    public boolean noteCancel(String runId, String note) {
        return cancels.noteCancel(runId, note);
    }

    /** Takes a cancel note back (Airbyte did not cancel the job, so the run goes on). */
    public void withdrawCancel(String runId) {
        cancels.withdrawCancel(runId);
    }

    /** The cancel note of the run, if someone asked to cancel it. */
    public Optional<String> cancelNote(String runId) {
        return reads.cancelNote(runId);
    }

    /**
     * Ends a run cancelled before its job-creating POST went out, in one statement that holds only while no
     * POST has: {@link #updateIfStillQueued} takes the same row first or not at all, so a start racing the
     * cancel either POSTs and this answers false, or finds the run ended and never POSTs.
     */
    public boolean cancelIfUnstarted(String runId, String note, Instant endedAt) {
        return cancels.cancelIfUnstarted(runId, note, endedAt);
    }
}
