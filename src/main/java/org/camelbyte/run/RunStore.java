package org.camelbyte.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Run records in the state database. Every write is durable when its call returns, so a crash keeps every
 * step done; writes made at the same moment by many runs share one commit ({@link GroupCommit}).
 */
public class RunStore {
    private static final String COLUMNS = "run_id, request_id, pipeline, connection_name, connection_id, job_id,"
            + " job_type, trigger, held, status, job_status, started_at, ended_at, rows_synced, bytes_synced, attempts,"
            + " post_sync, error, trigger_requested_at, deadline, group_run_id, job_status_since, progress_at, incomplete_attempts";
    /** Columns read but not inserted: a new run has neither. */
    private static final String READ_COLUMNS = COLUMNS + ", baseline_job_id, waiting, results, airbyte_instance";

    private static final TypeReference<Map<String, String>> RESULTS = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Lease lease;
    private final GroupCommit commits;

    /** New runs are recorded already owned under {@code lease}: the instance accepting a run follows it. */
    public RunStore(DataSource dataSource, ObjectMapper json, Lease lease) {
        this.dataSource = dataSource;
        this.json = json;
        this.lease = lease;
        this.commits = new GroupCommit(dataSource);
    }

    /**
     * Records a new run unless one with the same requestId exists; either way returns the stored run,
     * so a duplicate request answers with the run it already started.
     */
    public Run insertOrGetExisting(Run run) {
        String sql = "INSERT INTO runs (" + COLUMNS + ", owner, lease_until, outcome_pending)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?,?,?,?, now() + ? * interval '1 millisecond', ?)"
                + " ON CONFLICT (request_id) DO NOTHING";
        try {
            int inserted = commits.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int next = bindAll(ps, run);
                    ps.setString(next++, lease.owner());
                    ps.setLong(next++, lease.duration().toMillis());
                    // a run recorded already ended (a skipped member of a group run) has its outcome event due
                    ps.setBoolean(next, run.isFinal());
                    return ps.executeUpdate();
                }
            });
            if (inserted == 1) {
                return run;
            }
        } catch (SQLException e) {
            throw new RunStoreException("could not record run " + run.getRunId(), e);
        }
        return findByRequestId(run.getRequestId()).orElseThrow();
    }

    private static final String UPDATE =
            "UPDATE runs SET held=?, connection_id=?, job_id=?, status=?, job_status=?, ended_at=?, rows_synced=?,"
                    + " bytes_synced=?, attempts=?, post_sync=?::jsonb, error=?, trigger_requested_at=?, deadline=?,"
                    + " job_status_since=?, progress_at=?, incomplete_attempts=?, connection_name=?, baseline_job_id=?,"
                    + " waiting=?::jsonb, results=?::jsonb, airbyte_instance=?,"
                    + " outcome_pending = outcome_pending OR ?, updated_at=now() WHERE run_id=?";

    public void update(Run run) {
        updateIf(run, "", false);
    }

    /**
     * {@code endsRun}: this write records the run's outcome (the statement's condition holds only while no other
     * write did), so its outcome event becomes due in the same statement: the outbox ({@link OutcomeOutbox}).
     */
    private PreparedStatement bindUpdate(PreparedStatement ps, Run run, boolean endsRun) throws SQLException {
        int i = 1;
        ps.setBoolean(i++, run.isHeld());
        ps.setString(i++, run.getConnectionId());
        setLong(ps, i++, run.getJobId());
        ps.setString(i++, run.getStatus().wireName());
        ps.setString(i++, run.getJobStatus());
        ps.setTimestamp(i++, ts(run.getEndedAt()));
        ps.setLong(i++, run.getRowsSynced());
        ps.setLong(i++, run.getBytesSynced());
        ps.setInt(i++, run.getAttempts());
        ps.setString(i++, run.getPostSync() == null ? null : run.getPostSync().toString());
        ps.setString(i++, run.getError());
        ps.setTimestamp(i++, ts(run.getTriggerRequestedAt()));
        ps.setTimestamp(i++, ts(run.getDeadline()));
        ps.setTimestamp(i++, ts(run.getJobStatusSince()));
        ps.setTimestamp(i++, ts(run.getProgressAt()));
        ps.setInt(i++, run.getIncompleteAttempts());
        ps.setString(i++, run.getConnectionName());
        setLong(ps, i++, run.getBaselineJobId());
        // a run that has ended waits for nothing
        ps.setString(i++, waitingJson(run.isFinal() ? null : run.getWaiting()));
        ps.setString(i++, run.getResults() == null ? null : toJson(run.getResults()));
        ps.setString(i++, run.getAirbyteInstance());
        ps.setBoolean(i++, endsRun && run.isFinal());
        ps.setString(i, run.getRunId());
        return ps;
    }

    public Optional<Run> find(String runId) {
        return queryOne("SELECT " + READ_COLUMNS + " FROM runs WHERE run_id=?", runId);
    }

    public Optional<Run> findByRequestId(String requestId) {
        return queryOne("SELECT " + READ_COLUMNS + " FROM runs WHERE request_id=?", requestId);
    }

    /** Writes only why the run waits (null clears it), leaving the rest of the record as it is. */
    public void recordWaiting(String runId, RunWaiting waiting) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE runs SET waiting=?::jsonb, updated_at=now() WHERE run_id=?")) {
            ps.setString(1, waitingJson(waiting));
            ps.setString(2, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new RunStoreException("could not update run " + runId, e);
        }
    }

    private String waitingJson(RunWaiting waiting) {
        return waiting == null ? null : toJson(waiting);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a " + value.getClass().getSimpleName() + " could not be written as JSON", e);
        }
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
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM runs WHERE job_id=? AND run_id<>?"
                        + " AND (?::text IS NULL OR airbyte_instance IS NULL OR airbyte_instance=?)")) {
            ps.setLong(1, jobId);
            ps.setString(2, runId);
            ps.setString(3, airbyteInstance);
            ps.setString(4, airbyteInstance);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new RunStoreException("could not read runs", e);
        }
    }

    /** Runs of one pipeline without an outcome yet, oldest first. */
    public List<Run> openRuns(String pipeline) {
        return query(
                "SELECT " + READ_COLUMNS + " FROM runs WHERE pipeline=? AND status IN ('queued','running','post_sync')"
                        + " ORDER BY started_at",
                pipeline);
    }

    /**
     * The oldest held run of the pipeline, unless one of its runs goes (queued, running, post_sync and not
     * held): one indexed row at most, where reading every open run made each outcome cost O(open runs).
     */
    public Optional<Run> nextHeldIfNoneGoes(String pipeline) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + READ_COLUMNS
                        + " FROM runs WHERE pipeline=? AND status IN ('queued','running','post_sync') AND held"
                        + " AND NOT EXISTS (SELECT 1 FROM runs WHERE pipeline=? AND status IN ('queued','running','post_sync')"
                        + " AND NOT held) ORDER BY started_at LIMIT 1")) {
            ps.setString(1, pipeline);
            ps.setString(2, pipeline);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RunStoreException("could not read runs", e);
        }
    }

    /** The most recent runs of one pipeline, newest first. */
    public List<Run> recentRuns(String pipeline, int limit) {
        return query(
                "SELECT " + READ_COLUMNS + " FROM runs WHERE pipeline=? ORDER BY started_at DESC LIMIT " + limit,
                pipeline);
    }

    /**
     * One page of run history, newest first (started_at, then run_id, so runs started in the same instant
     * page stably); answers up to {@code limit + 1} runs, the extra one telling the caller a next page exists.
     */
    public List<Run> history(RunQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + READ_COLUMNS + " FROM runs WHERE true");
        List<Object> args = new ArrayList<>();
        if (q.pipeline() != null) {
            sql.append(" AND pipeline=?");
            args.add(q.pipeline());
        }
        if (q.status() != null) {
            sql.append(" AND status=?");
            args.add(q.status().wireName());
        }
        if (q.trigger() != null) {
            sql.append(" AND trigger=?");
            args.add(q.trigger());
        }
        if (q.since() != null) {
            sql.append(" AND started_at>=?");
            args.add(ts(q.since()));
        }
        if (q.until() != null) {
            sql.append(" AND started_at<?");
            args.add(ts(q.until()));
        }
        if (q.beforeStartedAt() != null) {
            sql.append(" AND (started_at, run_id) < (?, ?)");
            args.add(ts(q.beforeStartedAt()));
            args.add(q.beforeRunId());
        }
        sql.append(" ORDER BY started_at DESC, run_id DESC LIMIT ").append(q.limit() + 1);
        return query(sql.toString(), args);
    }

    /** Keeps the results of the team's steps on a run that had already ended (docs/pipelines.md). */
    public void recordResults(String runId, Map<String, String> results) {
        write(
                "UPDATE runs SET results=?::jsonb, updated_at=now() WHERE run_id=?",
                runId,
                ps -> ps.setString(1, toJson(results)),
                2);
    }

    /**
     * Ends a run still following its job, in one statement, so an outcome recorded meanwhile is never
     * overwritten, nor a run whose sync ended and went on to its post-sync checks; answers whether this call
     * ended it.
     */
    public boolean endIfRunning(String runId, RunStatus status, String error, Instant endedAt) {
        String sql = "UPDATE runs SET status=?, error=?, ended_at=?, updated_at=now()"
                + " WHERE run_id=? AND status='running'";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status.wireName());
            ps.setString(2, error);
            ps.setTimestamp(3, ts(endedAt));
            ps.setString(4, runId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new RunStoreException("could not end run " + runId, e);
        }
    }

    /**
     * Notes a cancel asked for a running run that has an Airbyte job, before the job is cancelled, so the
     * instance following the run, which may be another one, ends it with this sentence when it sees the job
     * cancelled; answers whether the run was still running.
     */
    public boolean noteCancel(String runId, String note) {
        return write(
                "UPDATE runs SET cancel_note=?, updated_at=now() WHERE run_id=? AND status='running' AND job_id IS NOT NULL",
                runId,
                ps -> ps.setString(1, note),
                2);
    }

    /** Takes a cancel note back (Airbyte did not cancel the job, so the run goes on). */
    public void withdrawCancel(String runId) {
        write(
                "UPDATE runs SET cancel_note=NULL, updated_at=now() WHERE run_id=? AND status='running'",
                runId,
                ps -> {},
                1);
    }

    /** The cancel note of the run, if someone asked to cancel it. */
    public Optional<String> cancelNote(String runId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT cancel_note FROM runs WHERE run_id=?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RunStoreException("could not read run " + runId, e);
        }
    }

    /**
     * Ends a run cancelled before its job-creating POST went out, in one statement that holds only while no
     * POST has: {@link #updateIfStillQueued} takes the same row first or not at all, so a start racing the
     * cancel either POSTs and this answers false, or finds the run ended and never POSTs.
     */
    public boolean cancelIfUnstarted(String runId, String note, Instant endedAt) {
        return write(
                "UPDATE runs SET status='cancelled', error=?, cancel_note=?, ended_at=?, waiting=NULL, outcome_pending=true,"
                        + " updated_at=now()"
                        + " WHERE run_id=? AND status='queued' AND job_id IS NULL AND trigger_requested_at IS NULL",
                runId,
                ps -> {
                    ps.setString(1, note);
                    ps.setString(2, note);
                    ps.setTimestamp(3, ts(endedAt));
                },
                4);
    }

    /**
     * {@link #update} for the write that says the job-creating POST goes out: only while the run is still
     * queued, so a run cancelled meanwhile is never started; answers whether it was.
     */
    public boolean updateIfStillQueued(Run run) {
        return updateIf(run, " AND status='queued'", false);
    }

    /**
     * {@link #update} for a poll's progress: only while the run has no outcome, so a cancel recorded meanwhile
     * (by any instance) is not turned back into running before the loop sees the job cancelled.
     */
    public boolean updateWhileOpen(Run run) {
        return updateIf(run, " AND status IN ('queued','running','post_sync')", true);
    }

    /**
     * {@link #update} for the loop of a run the API cancelled while it ran ({@link #noteCancel}, then {@link
     * #endIfRunning} with the same sentence): that call leaves the outcome to the loop following the run, which
     * writes the figures it has and publishes it; only while the record is still that cancel.
     */
    public boolean updateIfCancelLeftToLoop(Run run) {
        return updateIf(run, " AND status='cancelled' AND job_id IS NOT NULL AND error = cancel_note", true);
    }

    private boolean updateIf(Run run, String condition, boolean endsRun) {
        String sql = UPDATE + condition;
        try {
            return commits.write(c -> {
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            return bindUpdate(ps, run, endsRun).executeUpdate();
                        }
                    })
                    == 1;
        } catch (SQLException e) {
            throw new RunStoreException("could not update run " + run.getRunId(), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** One conditional statement on one run; {@code runIdIndex} is where its run_id goes. */
    private boolean write(String sql, String runId, Binder binder, int runIdIndex) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.setString(runIdIndex, runId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new RunStoreException("could not update run " + runId, e);
        }
    }

    /** The runs of one group run, oldest first. */
    public List<Run> runsOfGroupRun(String groupRunId) {
        return query("SELECT " + READ_COLUMNS + " FROM runs WHERE group_run_id=? ORDER BY started_at", groupRunId);
    }

    private Optional<Run> queryOne(String sql, String arg) {
        List<Run> runs = query(sql, arg);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private List<Run> query(String sql, String arg) {
        return query(sql, arg == null ? List.of() : List.of(arg));
    }

    private List<Run> query(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Run> runs = new ArrayList<>();
                while (rs.next()) {
                    runs.add(read(rs));
                }
                return runs;
            }
        } catch (SQLException e) {
            throw new RunStoreException("could not read runs", e);
        }
    }

    /** Binds every column of {@code COLUMNS}; returns the next parameter index. */
    private int bindAll(PreparedStatement ps, Run run) throws SQLException {
        int i = 1;
        ps.setString(i++, run.getRunId());
        ps.setString(i++, run.getRequestId());
        ps.setString(i++, run.getPipeline());
        ps.setString(i++, run.getConnectionName());
        ps.setString(i++, run.getConnectionId());
        setLong(ps, i++, run.getJobId());
        ps.setString(i++, run.getJobType());
        ps.setString(i++, run.getTrigger());
        ps.setBoolean(i++, run.isHeld());
        ps.setString(i++, run.getStatus().wireName());
        ps.setString(i++, run.getJobStatus());
        ps.setTimestamp(i++, ts(run.getStartedAt()));
        ps.setTimestamp(i++, ts(run.getEndedAt()));
        ps.setLong(i++, run.getRowsSynced());
        ps.setLong(i++, run.getBytesSynced());
        ps.setInt(i++, run.getAttempts());
        ps.setString(i++, run.getPostSync() == null ? null : run.getPostSync().toString());
        ps.setString(i++, run.getError());
        ps.setTimestamp(i++, ts(run.getTriggerRequestedAt()));
        ps.setTimestamp(i++, ts(run.getDeadline()));
        ps.setString(i++, run.getGroupRunId());
        ps.setTimestamp(i++, ts(run.getJobStatusSince()));
        ps.setTimestamp(i++, ts(run.getProgressAt()));
        ps.setInt(i++, run.getIncompleteAttempts());
        return i;
    }

    private Run read(ResultSet rs) throws SQLException {
        Run run = new Run();
        run.setRunId(rs.getString("run_id"));
        run.setRequestId(rs.getString("request_id"));
        run.setPipeline(rs.getString("pipeline"));
        run.setConnectionName(rs.getString("connection_name"));
        run.setConnectionId(rs.getString("connection_id"));
        long jobId = rs.getLong("job_id");
        run.setJobId(rs.wasNull() ? null : jobId);
        run.setJobType(rs.getString("job_type"));
        run.setTrigger(rs.getString("trigger"));
        run.setHeld(rs.getBoolean("held"));
        run.setStatus(RunStatus.parse(rs.getString("status")));
        run.setJobStatus(rs.getString("job_status"));
        run.setStartedAt(instant(rs.getTimestamp("started_at")));
        run.setEndedAt(instant(rs.getTimestamp("ended_at")));
        run.setRowsSynced(rs.getLong("rows_synced"));
        run.setBytesSynced(rs.getLong("bytes_synced"));
        run.setAttempts(rs.getInt("attempts"));
        String postSync = rs.getString("post_sync");
        if (postSync != null) {
            try {
                run.setPostSync(json.readTree(postSync));
            } catch (IOException e) {
                throw new RunStoreException("run " + run.getRunId() + " has unreadable post-sync results", e);
            }
        }
        run.setError(rs.getString("error"));
        run.setTriggerRequestedAt(instant(rs.getTimestamp("trigger_requested_at")));
        run.setDeadline(instant(rs.getTimestamp("deadline")));
        run.setGroupRunId(rs.getString("group_run_id"));
        run.setJobStatusSince(instant(rs.getTimestamp("job_status_since")));
        run.setProgressAt(instant(rs.getTimestamp("progress_at")));
        run.setIncompleteAttempts(rs.getInt("incomplete_attempts"));
        long baseline = rs.getLong("baseline_job_id");
        run.setBaselineJobId(rs.wasNull() ? null : baseline);
        String results = rs.getString("results");
        if (results != null) {
            try {
                run.setResults(json.readValue(results, RESULTS));
            } catch (IOException e) {
                throw new RunStoreException("run " + run.getRunId() + " has unreadable step results", e);
            }
        }
        run.setAirbyteInstance(rs.getString("airbyte_instance"));
        String waiting = rs.getString("waiting");
        if (waiting != null) {
            try {
                run.setWaiting(json.readValue(waiting, RunWaiting.class));
            } catch (java.io.IOException e) {
                throw new RunStoreException("run " + run.getRunId() + " has an unreadable waiting note", e);
            }
        }
        return run;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
