package org.camelbyte.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camelbyte.config.Settings;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.pipeline.PipelineConfigException;

/**
 * The destination data sources that post-sync steps read, by the names pipelines give them:
 * {@code datasource.<name>.jdbc-url}, {@code .username}, {@code .password} (secret). The name
 * {@code warehouse} without a URL is a database in the embedded PostgreSQL. The jar carries the PostgreSQL,
 * MariaDB/MySQL and SQL Server drivers; any other comes from the jars in {@code drivers.dir}, loaded first.
 */
public final class DataSourcesWiring {
    public static final String EMBEDDED_WAREHOUSE = "warehouse";

    private DataSourcesWiring() {}

    public static Map<String, DataSource> open(
            PipelineCatalog catalog,
            Settings settings,
            Supplier<EmbeddedPostgresServer> embedded,
            List<AutoCloseable> closeAtStop) {
        Path driversDir = Path.of(settings.require("drivers.dir"));
        closeAtStop.add(DriverFolder.load(driversDir));
        Map<String, DataSource> sources = new LinkedHashMap<>();
        for (Pipeline p : catalog.all()) {
            if (p.postSync() == null || sources.containsKey(p.postSync().dataSource())) {
                continue;
            }
            String name = p.postSync().dataSource();
            String prefix = "datasource." + name + ".";
            String url = settings.get(prefix + "jdbc-url").orElse(null);
            if (url == null && name.equals(EMBEDDED_WAREHOUSE)) {
                url = embedded.get().jdbcUrl("camelbyte_warehouse");
            }
            if (url == null) {
                throw new PipelineConfigException("Pipeline '" + p.name() + "' uses data source '" + name + "', but "
                        + prefix + "jdbc-url is not set; set it with " + prefix + "username and the password in env.");
            }
            requireDriver(settings, prefix + "jdbc-url", url, driversDir);
            HikariConfig config = new HikariConfig();
            config.setPoolName("datasource-" + name);
            config.setJdbcUrl(url);
            config.setUsername(settings.get(prefix + "username", "postgres"));
            config.setPassword(settings.secret(prefix + "password").orElse(null));
            config.setMaximumPoolSize(settings.getInt(prefix + "pool-size", 4));
            // how long a post-sync step waits for a connection before failing the run with the reason
            config.setConnectionTimeout(settings.getDuration(prefix + "connect-timeout", Duration.ofSeconds(10))
                    .toMillis());
            // a warehouse that is down must not stop the app starting; the post-sync step reports it per run
            config.setInitializationFailTimeout(-1);
            HikariDataSource ds = new HikariDataSource(config);
            closeAtStop.add(ds);
            sources.put(name, ds);
        }
        return sources;
    }

    /**
     * Without this, HikariCP's own "Failed to get driver instance" would surface later and say nothing of
     * where a driver could come from.
     */
    private static void requireDriver(Settings settings, String key, String url, Path driversDir) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new PipelineConfigException("No JDBC driver accepts " + settings.describe(key) + " = "
                    + withoutOptions(url) + "; put the database's JDBC driver jar in " + driversDir.toAbsolutePath()
                    + " (lib/ by default, config key drivers.dir) and restart.");
        }
    }

    /** The URL up to its options, which may carry a password (SQL Server's ;password=, ?password=). */
    private static String withoutOptions(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return url.substring(0, cut);
    }
}
