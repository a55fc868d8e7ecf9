package org.camelbyte.run;

import static org.camelbyte.run.RunColumns.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** What the run records say: one run, a pipeline's open or recent runs, a page of history, a group run's runs. */
final class RunReads {
    /** A run without an outcome yet. */
    static final String OPEN = "status IN ('queued','running','post_sync')";

    private final DataSource dataSource;
    private final RunColumns columns;
    private final String select;

    RunReads(DataSource dataSource, RunColumns columns) {
        this.dataSource = dataSource;
        this.columns = columns;
        this.select = "SELECT " + columns.selected() + " FROM runs";
    }

    Optional<Run> find(String runId) {
        return queryOne(select + " WHERE run_id=?", runId);
    }

    List<Run> findAll(Collection<String> runIds) {
        return query(select + " WHERE run_id = ANY (?)", List.of((Object) runIds.toArray(new String[0])));
    }

    Optional<Run> findByRequestId(String requestId) {
        return queryOne(select + " WHERE request_id=?", requestId);
    }

    /** Whether another run follows this Airbyte job, on {@code airbyteInstance} only (null: on any). */
    boolean jobFollowedByAnotherRun(long jobId, String runId, String airbyteInstance) {
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

    List<Run> openRuns(String pipeline) {
        return query(select + " WHERE pipeline=? AND " + OPEN + " ORDER BY started_at", pipeline);
    }

    /**
     * The pipeline's oldest held run, when none of its runs goes. The held runs are looked at first, through their
     * own index: a pipeline has none but with {@code whenBusy: queue}, and this is asked at every run's end, where
     * the pipeline's open runs were read instead (10,000 runs of one pipeline ending: each end read thousands of
     * rows, and the state database's CPU held the ends back by seconds).
     */
    Optional<Run> nextHeldIfNoneGoes(String pipeline) {
        Optional<Run> oldestHeld =
                query(select + " WHERE pipeline=? AND " + OPEN + " AND held ORDER BY started_at LIMIT 1", pipeline)
                        .stream()
                        .findFirst();
        if (oldestHeld.isEmpty()) {
            return oldestHeld;
        }
        return query(
                        select + " WHERE pipeline=? AND " + OPEN + " AND held"
                                + " AND NOT EXISTS (SELECT 1 FROM runs WHERE pipeline=? AND " + OPEN
                                + " AND NOT held) ORDER BY started_at LIMIT 1",
                        List.of(pipeline, pipeline))
                .stream()
                .findFirst();
    }

    List<Run> recentRuns(String pipeline, int limit) {
        return query(select + " WHERE pipeline=? ORDER BY started_at DESC LIMIT " + limit, pipeline);
    }

    List<Run> history(RunQuery q) {
        StringBuilder sql = new StringBuilder(select + " WHERE true");
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

    List<Run> runsOfGroupRun(String groupRunId) {
        return query(select + " WHERE group_run_id=? ORDER BY started_at", groupRunId);
    }

    /** The run's cancel note: a column of the record no {@link Run} carries. */
    Optional<String> cancelNote(String runId) {
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

    private Optional<Run> queryOne(String sql, String arg) {
        return query(sql, arg).stream().findFirst();
    }

    private List<Run> query(String sql, String arg) {
        return query(sql, arg == null ? List.of() : List.of(arg));
    }

    private List<Run> query(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) instanceof String[] texts) {
                    ps.setArray(i + 1, c.createArrayOf("text", texts));
                } else {
                    ps.setObject(i + 1, args.get(i));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Run> runs = new ArrayList<>();
                while (rs.next()) {
                    runs.add(columns.read(rs));
                }
                return runs;
            }
        } catch (SQLException e) {
            throw new RunStoreException("could not read runs", e);
        }
    }
}
