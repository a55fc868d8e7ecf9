package org.camelbyte;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.camelbyte.config.Ports;
import org.camelbyte.config.Settings;
import org.camelbyte.observe.ObserveWiring;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.pipeline.PipelineWiring;

/**
 * In which order the app starts and stops: before Camel configures its routes, the checks that need nothing
 * started, observing, the pipelines, the {@link LocalServices}, the {@link AirbyteRuns} and the
 * {@link HttpApi}; unfinished runs picked up once Camel has started; and at stop, runs first and what was
 * opened last ({@link OpenedResources}). What an area builds is in that area's {@code *Wiring} class.
 */
public class Bootstrap extends MainListenerSupport {
    private final OpenedResources opened = new OpenedResources();
    private final AirbyteRuns runs = new AirbyteRuns();
    /** Read at configure; until then (a start failing early) the shipped default. */
    private volatile Duration gracePeriod = Duration.ofSeconds(10);

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        Settings settings = new Settings(context);
        gracePeriod = OrderlyStop.gracePeriod(settings);
        // before anything starts: a taken port stops the start at once, with nothing to close
        Ports.requireFree(settings);
        if (settings.getBoolean("stop.with-parent")) {
            OrderlyStop.whenParentEnds();
        }
        ObserveWiring observe = ObserveWiring.start(context, settings);
        Clock clock = Clock.systemUTC();
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Path dataDir = Path.of(settings.require("data.dir"));
        String profile = settings.get("camel.main.profile")
                .orElseGet(() -> main.configure().getProfile());

        PipelineCatalog catalog = PipelineWiring.load(settings, profile);
        LocalServices local = LocalServices.start(context, settings, dataDir, catalog, json, opened);
        runs.wire(main, settings, catalog, local, observe, json, clock, opened);
        HttpApi.wire(main, settings, profile, dataDir, catalog, local.state(), runs, json, clock);
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        runs.resume();
    }

    @Override
    public void beforeStop(BaseMainSupport main) {
        runs.beforeStop();
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        runs.afterStop();
        closeAll();
    }

    /** How long a stop may take, from the signal to the embedded services stopped ({@code stop.grace-period}). */
    public Duration gracePeriod() {
        return gracePeriod;
    }

    /** Closes what the start opened; also called when the start failed (see {@link OpenedResources#closeAll}). */
    public void closeAll() {
        opened.closeAll();
    }
}
