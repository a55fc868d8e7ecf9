package org.camelbyte.outcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camelbyte.run.RunStoreException;

/**
 * The outcome events waiting in the state database. A run (or group run) whose outcome was recorded has
 * {@code outcome_pending} set by the very statement that recorded it, so no event is lost between the two;
 * delivering clears it. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so with several instances each
 * event goes out through one of them.
 */
public class OutcomeOutbox {
    /** Sends one event; throws when the destination did not take it. */
    public interface Sender {
        void send(String eventId, String json);
    }

    private enum Table {
        RUNS("runs", "run_id", "run:"),
        GROUP_RUNS("group_runs", "group_run_id", "group-run:");

        final String name;
        final String idColumn;
        final String eventIdPrefix;

        Table(String name, String idColumn, String eventIdPrefix) {
            this.name = name;
            this.idColumn = idColumn;
            this.eventIdPrefix = eventIdPrefix;
        }
    }

    private final DataSource dataSource;

    public OutcomeOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Events not yet taken by the broker. */
    public long waiting() {
        String sql = "SELECT (SELECT count(*) FROM runs WHERE outcome_pending)"
                + " + (SELECT count(*) FROM group_runs WHERE outcome_pending)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new RunStoreException("could not count the outcome events waiting", e);
        }
    }

    /** The events (JSON) of the runs or group runs with these ids, by id: read together, one query a batch. */
    public interface Events extends Function<List<String>, Map<String, String>> {}

    /**
     * Sends up to {@code limit} waiting run events, oldest first, then as many group-run events; answers how many
     * went out. A failed send stops there: the events sent before it stay delivered, the rest wait.
     */
    public int deliver(int limit, Events runEvents, Events groupRunEvents, Sender to) {
        return deliver(Table.RUNS, limit, runEvents, to) + deliver(Table.GROUP_RUNS, limit, groupRunEvents, to);
    }

    private int deliver(Table table, int limit, Events events, Sender to) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<String> sent = new ArrayList<>();
            try {
                List<String> claimed = claim(c, table, limit);
                Map<String, String> json = claimed.isEmpty() ? Map.of() : events.apply(claimed);
                for (String id : claimed) {
                    String event = json.get(id);
                    if (event == null) {
                        // its row is locked by this claim, so never expected: stop here, as a failed send does
                        throw new IllegalStateException(
                                "the outcome event " + table.eventIdPrefix + id + " could not be read from its record");
                    }
                    to.send(table.eventIdPrefix + id, event);
                    sent.add(id);
                }
            } finally {
                // also after a failed send: the events that went out before it are not sent again
                markSent(c, table, sent);
                c.commit();
            }
            return sent.size();
        } catch (SQLException e) {
            throw new RunStoreException("could not read the outcome events waiting", e);
        }
    }

    private static List<String> claim(Connection c, Table table, int limit) throws SQLException {
        String sql = "SELECT " + table.idColumn + " FROM " + table.name + " WHERE outcome_pending ORDER BY ended_at"
                + " LIMIT ? FOR UPDATE SKIP LOCKED";
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** One statement for the whole batch: the rows stay locked by the claim until the commit anyway. */
    private static void markSent(Connection c, Table table, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + table.name + " SET outcome_pending=false WHERE " + table.idColumn + " = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            ps.executeUpdate();
        }
    }
}
