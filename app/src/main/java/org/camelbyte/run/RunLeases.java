package org.camelbyte.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Ownership of open runs in the state database, so instances sharing it follow each run once. Every claim
 * is one conditional UPDATE: of two instances racing for a run, the database lets exactly one win.
 */
public class RunLeases {
    private static final String OPEN = "status IN ('queued','running','post_sync')";
    private static final String UNTIL = "now() + ? * interval '1 millisecond'";
    private final DataSource dataSource;
    private final Lease lease;

    public RunLeases(DataSource dataSource, Lease lease) {
        this.dataSource = dataSource;
        this.lease = lease;
    }

    public Lease lease() {
        return lease;
    }

    /**
     * Open runs nobody holds: no owner, or a lease that has passed (ended at once by a peer's graceful stop).
     * With {@code includingOwn}, also those this instance id owns, which at start are the runs of its
     * previous process.
     */
    public List<String> claimable(boolean includingOwn) {
        String mine = includingOwn ? "(owner=? OR lease_until < now())" : "(owner<>? AND lease_until < now())";
        return ids("SELECT run_id FROM runs WHERE " + OPEN + " AND (owner IS NULL OR lease_until IS NULL OR " + mine
                + ") ORDER BY started_at");
    }

    /** Takes the run if nobody else holds it; true when this instance may follow it now. */
    public boolean claim(String runId) {
        return update(
                        "UPDATE runs SET owner=?, lease_until=" + UNTIL + " WHERE run_id=? AND " + OPEN
                                + " AND (owner IS NULL OR owner=? OR lease_until IS NULL OR lease_until < now())",
                        lease.owner(),
                        millis(),
                        runId,
                        lease.owner())
                == 1;
    }

    /** Lets a held run go and takes it, whoever recorded it; true for the one instance that did. */
    public boolean unhold(String runId) {
        return update(
                        "UPDATE runs SET held=false, owner=?, lease_until=" + UNTIL + " WHERE run_id=? AND held AND "
                                + OPEN,
                        lease.owner(),
                        millis(),
                        runId)
                == 1;
    }

    /**
     * Extends the lease of every open run this instance owns, in one statement however many it follows. Rows a
     * run's own write holds at this moment are skipped, not waited for: a renewal of thousands of rows waiting
     * on a commit that updates several of them deadlocked with it (and each deadlock stalls both for a second
     * before PostgreSQL picks a victim). A skipped run is renewed by the next pass, a third of a lease later.
     */
    public int renew() {
        return update(
                "UPDATE runs SET lease_until=" + UNTIL + " WHERE run_id IN (SELECT run_id FROM runs WHERE owner=? AND "
                        + OPEN + " FOR UPDATE SKIP LOCKED)",
                millis(),
                lease.owner());
    }

    /** Ends this instance's leases at once, so another instance takes its open runs over without waiting. */
    public int release() {
        return update("UPDATE runs SET lease_until=now() WHERE owner=? AND " + OPEN, lease.owner());
    }

    /** The open runs this instance owns. */
    public List<String> owned() {
        return ids("SELECT run_id FROM runs WHERE owner=? AND " + OPEN + " ORDER BY started_at");
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new RunStoreException("could not update the leases of " + lease.owner(), e);
        }
    }

    private long millis() {
        return lease.duration().toMillis();
    }

    private List<String> ids(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lease.owner());
            try (ResultSet rs = ps.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw new RunStoreException("could not read the leases of " + lease.owner(), e);
        }
    }
}
