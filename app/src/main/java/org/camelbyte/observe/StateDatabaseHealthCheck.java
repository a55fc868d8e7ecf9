package org.camelbyte.observe;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Readiness as far as the state database goes: a {@code select 1} answered within the timeout. Every run
 * step is written there first, so without it no run can move on.
 */
public class StateDatabaseHealthCheck extends ProbedHealthCheck {
    private final DataSource stateDb;
    private final int timeoutSeconds;

    public StateDatabaseHealthCheck(DataSource stateDb, Duration timeout) {
        super("state-database", timeout, "The state database does not answer, so runs cannot record their next step:");
        this.stateDb = stateDb;
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
    }

    @Override
    protected void probe() throws Exception {
        try (Connection connection = stateDb.getConnection();
                Statement select = connection.createStatement()) {
            select.setQueryTimeout(timeoutSeconds);
            select.execute("select 1");
        }
    }
}
