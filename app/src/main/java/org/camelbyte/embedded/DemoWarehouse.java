package org.camelbyte.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camelbyte.poststep.Dialect;
import org.camelbyte.poststep.TableName;
import org.camelbyte.poststep.TableNames;
import org.camelbyte.standin.FinishedSync;
import org.camelbyte.standin.StreamRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands the stand-in's demo syncs in the embedded warehouse as real rows, so statistics refresh and
 * quality checks have real tables to read. Each stream becomes a table the way Airbyte names it.
 */
public class DemoWarehouse implements Consumer<FinishedSync> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoWarehouse.class);
    /** Enough rows for checks to mean something, few enough to keep the demo quick. */
    private static final long MAX_ROWS_PER_SYNC = 5_000;

    private final DataSource warehouse;

    public DemoWarehouse(DataSource warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public void accept(FinishedSync sync) {
        var streams = sync.streams().stream().map(StreamRows::stream).toList();
        var tables = TableNames.fromStreams(sync.namespace(), sync.prefix(), streams);
        try (Connection c = warehouse.getConnection()) {
            for (int i = 0; i < tables.size(); i++) {
                write(
                        c,
                        tables.get(i),
                        Math.min(MAX_ROWS_PER_SYNC, sync.streams().get(i).rows()));
            }
        } catch (SQLException e) {
            LOG.warn(
                    "Demo warehouse: could not land job {} of '{}': {}",
                    sync.jobId(),
                    sync.connectionName(),
                    e.getMessage());
        }
    }

    private static void write(Connection c, TableName table, long rows) throws SQLException {
        String quoted = table.quoted(Dialect.POSTGRESQL);
        try (Statement st = c.createStatement()) {
            if (table.schema() != null) {
                st.execute("CREATE SCHEMA IF NOT EXISTS "
                        + TableName.parse(table.schema()).quoted(Dialect.POSTGRESQL));
            }
            st.execute("CREATE TABLE IF NOT EXISTS " + quoted + " (id bigint PRIMARY KEY, name text NOT NULL,"
                    + " status text NOT NULL, amount numeric(12,2) NOT NULL, updated_at timestamptz NOT NULL)");
        }
        // a sync replaces what it synced (full refresh): ids 1..rows, statuses from a fixed set, fresh timestamps
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + quoted
                + " SELECT g, 'item ' || g, (ARRAY['new','paid','shipped'])[1 + g % 3], (g % 1000) + 0.99, now()"
                + " FROM generate_series(1, ?) g ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at")) {
            ps.setLong(1, rows);
            ps.executeUpdate();
        }
    }
}
