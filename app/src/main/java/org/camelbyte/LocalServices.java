package org.camelbyte;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.camelbyte.airbyteconfig.AirbyteWiring.LocalAirbyte;
import org.camelbyte.config.Settings;
import org.camelbyte.embedded.BrokerWiring;
import org.camelbyte.embedded.DataSourcesWiring;
import org.camelbyte.embedded.EmbeddedPostgresServer;
import org.camelbyte.embedded.EmbeddedStandIn;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.StateWiring;
import org.camelbyte.run.StateWiring.State;

/**
 * The databases, the broker and Airbyte the app runs on: configured ones, or local ones started when none is
 * configured (an embedded PostgreSQL for the state database and the demo warehouse, the Airbyte stand-in,
 * an embedded broker). Everything started is closed through {@link OpenedResources}.
 */
record LocalServices(State state, Map<String, DataSource> dataSources, Optional<EmbeddedStandIn> standIn) {

    static LocalServices start(
            CamelContext context,
            Settings settings,
            Path dataDir,
            PipelineCatalog catalog,
            ObjectMapper json,
            OpenedResources opened) {
        Supplier<EmbeddedPostgresServer> postgres = new OnDemandPostgres(settings, dataDir, opened);
        State state = StateWiring.open(
                settings, dataDir, () -> postgres.get().jdbcUrl("camelbyte_state"), json, opened.list());
        Map<String, DataSource> dataSources = DataSourcesWiring.open(catalog, settings, postgres, opened.list());
        Optional<EmbeddedStandIn> standIn = EmbeddedStandIn.startUnlessConfigured(settings, dataDir, opened.list());
        // the demo warehouse fills the embedded stand-in's destination tables, so post-sync steps have rows to check
        DataSource warehouse = dataSources.get(DataSourcesWiring.EMBEDDED_WAREHOUSE);
        if (warehouse != null) {
            standIn.ifPresent(s -> s.fillWarehouse(warehouse));
        }
        BrokerWiring.configure(context, settings, dataDir, opened.list());
        return new LocalServices(state, dataSources, standIn);
    }

    /** The stand-in when it runs: the Airbyte the app then talks to. */
    Optional<LocalAirbyte> localAirbyte() {
        return standIn.map(EmbeddedStandIn::airbyte);
    }

    /** Started only when the state database or the warehouse needs it, once. */
    private static final class OnDemandPostgres implements Supplier<EmbeddedPostgresServer> {
        private final Settings settings;
        private final Path dataDir;
        private final OpenedResources opened;
        private EmbeddedPostgresServer server;

        OnDemandPostgres(Settings settings, Path dataDir, OpenedResources opened) {
            this.settings = settings;
            this.dataDir = dataDir;
            this.opened = opened;
        }

        @Override
        public EmbeddedPostgresServer get() {
            if (server == null) {
                server = opened.add(EmbeddedPostgresServer.start(
                        dataDir.resolve("postgres"), settings.getInt("embedded.postgres.port")));
            }
            return server;
        }
    }
}
