package org.camelbyte.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
 * {@code warehouse} without a URL is a database in the embedded PostgreSQL.
 */
public final class DataSourcesWiring {
    public static final String EMBEDDED_WAREHOUSE = "warehouse";

    private DataSourcesWiring() {}

    public static Map<String, DataSource> open(
            PipelineCatalog catalog,
            Settings settings,
            Supplier<EmbeddedPostgresServer> embedded,
            List<AutoCloseable> closeAtStop) {
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
}
