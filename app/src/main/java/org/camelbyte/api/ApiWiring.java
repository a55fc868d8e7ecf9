package org.camelbyte.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.spi.OnCamelContextStarted;
import org.apache.camel.support.LifecycleStrategySupport;
import org.camelbyte.airbyteconfig.AirbyteWiring.Airbyte;
import org.camelbyte.config.Beans;
import org.camelbyte.config.Settings;
import org.camelbyte.group.GroupRuns;
import org.camelbyte.intake.RunRequests;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.RunStore;

/** Wires the HTTP API: its authentication ({@code api.*}), its routes and Airbyte's webhook into the job watcher. */
public final class ApiWiring {
    private ApiWiring() {}

    public static void wire(
            BaseMainSupport main,
            Settings settings,
            String profile,
            Path dataDir,
            PipelineCatalog catalog,
            RunRequests requests,
            RunStore store,
            Airbyte airbyte,
            GroupRuns groupRuns,
            ObjectMapper json) {
        main.getCamelContext()
                .getRegistry()
                .bind(Beans.API_AUTHENTICATION, ApiAuthWiring.create(settings, profile, dataDir));
        RefusalLog refusals = new RefusalLog();
        main.getCamelContext().getRegistry().bind(RefusalLog.BEAN, refusals);
        HttpEdge edge = new HttpEdge(
                json,
                refusals,
                Arrays.stream(settings.get("api.allowed-origins", "").split(","))
                        .map(String::trim)
                        .filter(o -> !o.isEmpty())
                        .toList());
        // the router exists once Camel has started its HTTP server
        main.getCamelContext()
                .addLifecycleStrategy(LifecycleStrategySupport.adapt((OnCamelContextStarted) edge::install));
        main.configure().addRoutesBuilder(new ApiRoutes(requests, store, catalog, airbyte.lookup(), json));
        main.configure().addRoutesBuilder(new GroupApiRoutes(groupRuns, catalog, json));
        main.configure()
                .addRoutesBuilder(new AirbyteWebhookRoutes(
                        airbyte.watcher(),
                        ApiAuthWiring.webhookSecret(settings, dataDir),
                        settings.getInt("airbyte.webhook-rate-limit", 600),
                        json));
    }
}
