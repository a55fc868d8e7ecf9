package org.camelbyte;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.camelbyte.airbyteconfig.AirbyteWiring;
import org.camelbyte.airbyteconfig.AirbyteWiring.Airbyte;
import org.camelbyte.api.ApiWiring;
import org.camelbyte.api.OperatorWiring;
import org.camelbyte.config.Beans;
import org.camelbyte.config.Ports;
import org.camelbyte.config.Settings;
import org.camelbyte.embedded.BrokerWiring;
import org.camelbyte.embedded.DataSourcesWiring;
import org.camelbyte.embedded.EmbeddedBroker;
import org.camelbyte.embedded.EmbeddedPostgresServer;
import org.camelbyte.embedded.EmbeddedStandIn;
import org.camelbyte.group.GroupRuns;
import org.camelbyte.group.GroupWiring;
import org.camelbyte.intake.ComponentWiring;
import org.camelbyte.intake.IntakeWiring;
import org.camelbyte.intake.IntakeWiring.Intake;
import org.camelbyte.observe.ObserveWiring;
import org.camelbyte.outcome.OutcomeRelay;
import org.camelbyte.outcome.OutcomeWiring;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.pipeline.PipelineWiring;
import org.camelbyte.run.StateWiring;
import org.camelbyte.run.StateWiring.State;
import org.camelbyte.steps.RunsAtStop;
import org.camelbyte.steps.StepsWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls each area's wiring before Camel configures its routes (the embedded defaults, PostgreSQL, broker
 * and Airbyte stand-in, unless real ones are configured), picks up unfinished runs once Camel has started,
 * and closes what it opened at stop. What an area builds is in that area's {@code *Wiring} class.
 */
public class Bootstrap extends MainListenerSupport {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);
    private final List<AutoCloseable> closeAtStop = new ArrayList<>();
    private EmbeddedPostgresServer embeddedPostgres;
    private Intake intake;
    private GroupRuns groupRuns;
    private RunsAtStop runsAtStop;
    private AutoCloseable jobWatcher;
    /** Read at configure; until then (a start failing early) the shipped default. */
    private volatile Duration gracePeriod = Duration.ofSeconds(10);

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        Settings settings = new Settings(context);
        gracePeriod = settings.getDuration("stop.grace-period");
        int shutdownTimeout = settings.getInt("camel.main.shutdown-timeout");
        if (Duration.ofSeconds(shutdownTimeout).compareTo(gracePeriod) >= 0) {
            // the process would end while Camel still waited for runs, before leases and embedded services
            throw new IllegalStateException("Config key " + settings.describe("camel.main.shutdown-timeout") + " is "
                    + shutdownTimeout + " (seconds) but must be less than " + settings.describe("stop.grace-period")
                    + ", " + gracePeriod.toSeconds() + "s, which also covers releasing leases and stopping the"
                    + " embedded services: lower the one or raise the other.");
        }
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
        Supplier<EmbeddedPostgresServer> postgres = () -> embeddedPostgres(settings, dataDir);

        PipelineCatalog catalog = PipelineWiring.load(settings, profile);
        State state =
                StateWiring.open(settings, dataDir, () -> postgres.get().jdbcUrl("camelbyte_state"), json, closeAtStop);
        Map<String, DataSource> dataSources = DataSourcesWiring.open(catalog, settings, postgres, closeAtStop);
        Optional<EmbeddedStandIn> standIn = EmbeddedStandIn.startUnlessConfigured(settings, dataDir, closeAtStop);
        Airbyte airbyte = AirbyteWiring.open(
                settings,
                standIn.map(EmbeddedStandIn::airbyte),
                closeAtStop,
                observe::metered,
                catalog.shortestPollInterval());
        // the demo warehouse fills the embedded stand-in's destination tables, so post-sync steps have rows to check
        DataSource warehouse = dataSources.get(DataSourcesWiring.EMBEDDED_WAREHOUSE);
        if (warehouse != null) {
            standIn.ifPresent(s -> s.fillWarehouse(warehouse));
        }
        jobWatcher = airbyte.watcher();
        BrokerWiring.configure(context, settings, dataDir, closeAtStop);
        observe.watch(airbyte.breaker(), state.database(), catalog, json, closeAtStop);

        runsAtStop = StepsWiring.wire(main, settings, catalog, airbyte, state, dataSources, json, clock);
        intake = IntakeWiring.wire(main, settings, catalog, state, json, clock);
        groupRuns = GroupWiring.wire(main, catalog, state, intake.requests(), json, clock);
        OutcomeRelay outcomes = OutcomeWiring.wire(main, settings, state, intake.requests(), groupRuns);
        ApiWiring.wire(
                main, settings, profile, dataDir, catalog, intake.requests(), state.store(), airbyte, groupRuns, json);
        OperatorWiring.configure(
                main, state.store(), catalog, airbyte.client(), airbyte.breaker(), clock, outcomes::waiting, json);
        ComponentWiring.bind(
                context,
                airbyte.client(),
                airbyte.lookup(),
                airbyte.watcher(),
                context.getRegistry().lookupByNameAndType(Beans.RUN_SCHEDULER, ScheduledExecutorService.class),
                intake.requests(),
                state.store(),
                json);
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        intake.takeover().renewAndTakeOver();
        groupRuns.resumeRunning();
    }

    @Override
    public void beforeStop(BaseMainSupport main) {
        if (intake != null) {
            intake.pauseSchedules();
        }
        if (runsAtStop != null) {
            try {
                runsAtStop.apply();
            } catch (RuntimeException e) {
                // a stop must still stop: the runs keep their records, and the next start (or another instance) resumes
                // them
                LOG.warn(
                        "Applying runs.on-stop failed ({}); the app stops anyway and its runs are resumed later",
                        e.getMessage());
            }
        }
        if (jobWatcher != null) {
            // its batched looks go through camel-http, which stops with Camel: a look after that failed with
            // "Connection pool shut down"; the runs it wakes are not waited for by a stop anyway
            try {
                jobWatcher.close();
            } catch (Exception e) {
                LOG.warn("Stopping the job watcher failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        // once Camel has stopped, so no renewal follows the release
        if (intake != null) {
            try {
                intake.takeover().releaseAll();
            } catch (RuntimeException e) {
                LOG.warn(
                        "Releasing run leases at stop failed ({}); other instances take the runs over when the leases pass",
                        e.getMessage());
            }
        }
        closeAll();
    }

    /** How long a stop may take, from the signal to the embedded services stopped ({@code stop.grace-period}). */
    public Duration gracePeriod() {
        return gracePeriod;
    }

    /**
     * Closes what the wiring opened, newest first, and the embedded broker and PostgreSQL last, whatever
     * their place: pools, the stand-in and the outcome senders may still talk to them while they close.
     * Also called when the start failed, so no embedded PostgreSQL outlives a refused start.
     */
    public synchronized void closeAll() {
        List<AutoCloseable> order = new ArrayList<>();
        List<AutoCloseable> embedded = new ArrayList<>();
        for (int i = closeAtStop.size() - 1; i >= 0; i--) {
            AutoCloseable c = closeAtStop.get(i);
            (c instanceof EmbeddedBroker || c instanceof EmbeddedPostgresServer ? embedded : order).add(c);
        }
        order.addAll(embedded);
        for (AutoCloseable c : order) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} at stop failed: {}", c.getClass().getSimpleName(), e.getMessage());
            }
        }
        closeAtStop.clear();
        embeddedPostgres = null;
    }

    /** Started only when the state database or the warehouse needs it. */
    private EmbeddedPostgresServer embeddedPostgres(Settings settings, Path dataDir) {
        if (embeddedPostgres == null) {
            embeddedPostgres = closeLater(EmbeddedPostgresServer.start(
                    dataDir.resolve("postgres"), settings.getInt("embedded.postgres.port")));
        }
        return embeddedPostgres;
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        closeAtStop.add(resource);
        return resource;
    }
}
