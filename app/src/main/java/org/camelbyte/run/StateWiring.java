package org.camelbyte.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.camelbyte.config.Settings;

/**
 * Opens the state database ({@code state.*}, a database in the embedded PostgreSQL unless
 * {@code state.jdbc-url} is set) and the run records and leases kept in it under this instance's id.
 */
public final class StateWiring {
    /** The state database and what the app keeps in it. */
    public record State(HikariDataSource database, Lease lease, RunStore store, RunLeases leases) {}

    private StateWiring() {}

    public static State open(
            Settings settings,
            Path dataDir,
            Supplier<String> embeddedJdbcUrl,
            ObjectMapper json,
            List<AutoCloseable> closeAtStop) {
        String url = settings.get("state.jdbc-url").orElseGet(embeddedJdbcUrl);
        HikariDataSource database = StateDatabase.open(
                url,
                settings.require("state.username"),
                settings.secret("state.password").orElse(null),
                settings.getInt("state.pool-size"));
        closeAtStop.add(database);
        Lease lease = new Lease(
                InstanceId.resolve(settings.get("instance.id").orElse(null), dataDir),
                settings.getDuration("runs.lease"));
        RunStore store = new RunStore(database, json, lease);
        // closed before the database: the writes still queued at stop commit first
        closeAtStop.add(store);
        return new State(database, lease, store, new RunLeases(database, lease));
    }
}
