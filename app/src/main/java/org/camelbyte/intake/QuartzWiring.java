package org.camelbyte.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.camelbyte.config.Settings;
import org.quartz.SchedulerException;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code quartz} component on Quartz's clustered JDBC job store in the state database (tables from
 * migration V13): every instance sharing the state database and {@code camel.main.name} is one cluster,
 * so each firing runs on exactly one of them, and a firing whose instance died is recovered by another.
 * One instance alone is a cluster of one, so the embedded default needs no setup.
 */
final class QuartzWiring {
    private static final Logger LOG = LoggerFactory.getLogger(QuartzWiring.class);

    private QuartzWiring() {}

    static void configure(CamelContext context, Settings settings, DataSource stateDb, String instanceId) {
        // Quartz finds data sources by name in a JVM-wide registry; a name per context keeps apps in one JVM (tests)
        // apart
        String dataSource = "state-" + Integer.toHexString(System.identityHashCode(context));
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PooledConnections(stateDb));

        Properties quartz = new Properties();
        // the cluster's name: the same on every replica, or they would not share the schedules
        quartz.setProperty("org.quartz.scheduler.instanceName", settings.require("camel.main.name"));
        quartz.setProperty("org.quartz.scheduler.instanceId", instanceId);
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // a firing only records and hands off a run
        quartz.setProperty("org.quartz.threadPool.threadCount", String.valueOf(settings.getInt("schedules.threads")));
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.dataSource", dataSource);
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty(
                "org.quartz.jobStore.clusterCheckinInterval",
                millis(settings.getDuration("schedules.cluster-checkin")));
        quartz.setProperty(
                "org.quartz.jobStore.misfireThreshold", millis(settings.getDuration("schedules.misfire-threshold")));

        QuartzComponent component = new QuartzComponent();
        component.setProperties(quartz);
        component.setPrefixInstanceName(false);
        context.addComponent("quartz", component);
        try {
            context.addStartupListener(new StaleSchedules());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot register the stale schedules clean-up: " + e.getMessage(), e);
        }
    }

    /**
     * The first thing a stop does: no firing from here on. A firing that came while Camel stopped the routes
     * found its endpoint gone ("Cannot find existing QuartzEndpoint"); in the clustered store a firing this
     * instance does not take stays for another instance, or for the next start's misfire handling.
     */
    static void standby(CamelContext context) {
        if (context.hasComponent("quartz") instanceof QuartzComponent quartz && quartz.getScheduler() != null) {
            try {
                quartz.getScheduler().standby();
            } catch (SchedulerException e) {
                LOG.warn("Pausing the schedules at stop failed ({}); the stop goes on", e.getMessage());
            }
        }
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }

    /** Quartz's connections come from the state database's pool, which Bootstrap closes; Quartz must not. */
    private record PooledConnections(DataSource pool) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool outlives the scheduler
        }

        @Override
        public void initialize() {
            // the pool is ready
        }
    }
}
