package org.camelbyte.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.main.BaseMainSupport;
import org.camelbyte.airbyte.AirbyteWiring.Airbyte;
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
        try {
            main.getCamelContext().addStartupListener(new StartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {}

                @Override
                public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                    edge.install(context);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Cannot watch the HTTP server start: " + e.getMessage(), e);
        }
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
