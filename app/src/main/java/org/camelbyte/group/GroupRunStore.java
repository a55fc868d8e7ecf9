package org.camelbyte.group;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.camelbyte.run.RunStoreException;

/** Group run records in the state database, next to the runs that point at them. */
public class GroupRunStore {
    private static final String COLUMNS =
            "group_run_id, request_id, group_name, trigger, status, started_at, ended_at," + " retry_of, carried_over";
    private static final TypeReference<Map<String, String>> CARRIED = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper json;

    public GroupRunStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Records a new group run unless one with the same requestId exists; either way returns the stored one. */
    public GroupRun insertOrGetExisting(GroupRun run) {
        String sql = "INSERT INTO group_runs (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?::jsonb)"
                + " ON CONFLICT (request_id) DO NOTHING";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, run.groupRunId());
            ps.setString(2, run.requestId());
            ps.setString(3, run.group());
            ps.setString(4, run.trigger());
            ps.setString(5, run.status().wireName());
            ps.setTimestamp(6, ts(run.startedAt()));
            ps.setTimestamp(7, ts(run.endedAt()));
            ps.setString(8, run.retryOf());
            ps.setString(9, json.writeValueAsString(run.carriedOver()));
            if (ps.executeUpdate() == 1) {
                return run;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new RunStoreException("could not record group run " + run.groupRunId(), e);
        }
        return queryOne("SELECT " + COLUMNS + " FROM group_runs WHERE request_id=?", run.requestId())
                .orElseThrow();
    }

    /** Ends a running group run; answers false when it had already ended (another thread or node closed it). */
    public boolean close(String groupRunId, GroupRunStatus status, Instant endedAt) {
        String sql =
                "UPDATE group_runs SET status=?, ended_at=?, outcome_pending=true WHERE group_run_id=? AND status='running'";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status.wireName());
            ps.setTimestamp(2, ts(endedAt));
            ps.setString(3, groupRunId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new RunStoreException("could not close group run " + groupRunId, e);
        }
    }

    public Optional<GroupRun> find(String groupRunId) {
        return queryOne("SELECT " + COLUMNS + " FROM group_runs WHERE group_run_id=?", groupRunId);
    }

    /** Group runs still going, oldest first: what a restarted app must carry on. */
    public List<GroupRun> running() {
        return query("SELECT " + COLUMNS + " FROM group_runs WHERE status='running' ORDER BY started_at", null);
    }

    public List<GroupRun> runningOf(String group) {
        return query(
                "SELECT " + COLUMNS + " FROM group_runs WHERE status='running' AND group_name=? ORDER BY started_at",
                group);
    }

    public Optional<GroupRun> latestOf(String group) {
        return queryOne(
                "SELECT " + COLUMNS + " FROM group_runs WHERE group_name=? ORDER BY started_at DESC LIMIT 1", group);
    }

    private Optional<GroupRun> queryOne(String sql, String arg) {
        List<GroupRun> runs = query(sql, arg);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private List<GroupRun> query(String sql, String arg) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<GroupRun> runs = new ArrayList<>();
                while (rs.next()) {
                    runs.add(read(rs));
                }
                return runs;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new RunStoreException("could not read group runs", e);
        }
    }

    private GroupRun read(ResultSet rs) throws SQLException, JsonProcessingException {
        return new GroupRun(
                rs.getString("group_run_id"),
                rs.getString("request_id"),
                rs.getString("group_name"),
                rs.getString("trigger"),
                GroupRunStatus.parse(rs.getString("status")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("ended_at")),
                rs.getString("retry_of"),
                Map.copyOf(json.readValue(rs.getString("carried_over"), CARRIED)));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
