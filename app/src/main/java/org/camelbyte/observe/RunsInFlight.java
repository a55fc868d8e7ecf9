package org.camelbyte.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.camelbyte.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs not yet ended, by status, counted in the state database (so every instance sharing it reports the
 * same, and runs resumed after a restart count). Counted by {@link #refresh()} every few seconds, not at
 * scrape time, so a slow database never slows a scrape; a failed count keeps the last values.
 */
public class RunsInFlight {
    private static final Logger LOG = LoggerFactory.getLogger(RunsInFlight.class);
    /** The statuses of runs not yet ended: those the runs table's partial index {@code runs_open} covers. */
    private static final RunStatus[] OPEN = {RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.POST_SYNC};

    private final DataSource stateDb;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    public RunsInFlight(DataSource stateDb, MeterRegistry registry) {
        this.stateDb = stateDb;
        for (RunStatus status : OPEN) {
            counts.put(status.wireName(), 0L);
            Gauge.builder("camelbyte.runs.in.flight", counts, c -> c.getOrDefault(status.wireName(), 0L))
                    .description("Runs not yet ended, by status (all instances on this state database)")
                    .tag("status", status.wireName())
                    .register(registry);
        }
    }

    public void refresh() {
        try (Connection connection = stateDb.getConnection();
                Statement select = connection.createStatement()) {
            select.setQueryTimeout(5);
            Map<String, Long> fresh = new ConcurrentHashMap<>();
            for (RunStatus status : OPEN) {
                fresh.put(status.wireName(), 0L);
            }
            try (ResultSet rows = select.executeQuery(
                    "select status, count(*) from runs where status in ('queued', 'running', 'post_sync') group by status")) {
                while (rows.next()) {
                    fresh.put(rows.getString(1), rows.getLong(2));
                }
            }
            counts.putAll(fresh);
        } catch (SQLException e) {
            LOG.debug("Counting runs in flight failed ({}); the gauges keep their last values", e.getMessage());
        }
    }
}
