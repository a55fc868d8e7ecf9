package org.camelbyte;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.util.concurrent.SizedScheduledExecutorService;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteRejectedException;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.ConnectionLookupException;
import org.camelbyte.config.Settings;
import org.camelbyte.embedded.DemoWarehouse;
import org.camelbyte.embedded.EmbeddedPostgresServer;
import org.camelbyte.observe.AirbyteHealthCheck;
import org.camelbyte.group.GroupRunStore;
import org.camelbyte.pipeline.ConnectionNaming;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.pipeline.PipelinesFile;
import org.camelbyte.routes.ApiAuthentication;
import org.camelbyte.routes.ApiRoutes;
import org.camelbyte.routes.GroupApiRoutes;
import org.camelbyte.routes.GroupRoutes;
import org.camelbyte.routes.GroupRuns;
import org.camelbyte.routes.PipelineRoutes;
import org.camelbyte.routes.RunErrorHandling;
import org.camelbyte.routes.RunLeaseRoutes;
import org.camelbyte.routes.RunRequestParser;
import org.camelbyte.routes.RunRequests;
import org.camelbyte.routes.RunStepRoutes;
import org.camelbyte.routes.RunTakeover;
import org.camelbyte.routes.RunsAtStop;
import org.camelbyte.routes.ScheduleCatchUp;
import org.camelbyte.run.InstanceId;
import org.camelbyte.run.Lease;
import org.camelbyte.run.RunLeases;
import org.camelbyte.run.RunStore;
import org.camelbyte.run.StateDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the rooms together before Camel configures its routes: the embedded defaults (PostgreSQL, broker,
 * Airbyte stand-in) unless real ones are configured, the Airbyte client and breaker, the state database,
 * the pipelines; and picks up unfinished runs once Camel has started.
 */
public class Bootstrap extends MainListenerSupport {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);
    private final List<AutoCloseable> closeAtStop = new ArrayList<>();
    private EmbeddedPostgresServer embeddedPostgres;
    private RunTakeover takeover;
    private ScheduleCatchUp catchUp;
    private GroupRuns groupRuns;
    private RunsAtStop runsAtStop;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        Settings settings = new Settings(context);
        Clock clock = Clock.systemUTC();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Path dataDir = Path.of(settings.get("data.dir", "data"));
        Supplier<EmbeddedPostgresServer> postgres = () -> embeddedPostgres(settings, dataDir);

        PipelineCatalog catalog = PipelinesFile.load(Path.of(settings.get("pipelines.file", "config/pipelines.yaml")),
                connectionNaming(settings, main));

        String stateUrl = settings.get("state.jdbc-url").orElseGet(() -> postgres.get().jdbcUrl("camelbyte_state"));
        HikariDataSource stateDb = closeLater(StateDatabase.open(stateUrl, settings.get("state.username", "postgres"),
                settings.secret("state.password").orElse(null), settings.getInt("state.pool-size", 10)));
        Lease lease = new Lease(InstanceId.resolve(settings.get("instance.id").orElse(null), dataDir),
                settings.getDuration("runs.lease", Duration.ofSeconds(60)));
        RunStore store = new RunStore(stateDb, json, lease);
        RunLeases leases = new RunLeases(stateDb, lease);
        Map<String, DataSource> dataSources = DataSourcesWiring.open(catalog, settings, postgres, closeAtStop);

        AirbyteConnectionFactory airbyteFactory = new AirbyteConnectionFactory(settings, dataDir);
        AirbyteClient airbyte = airbyteFactory.client(closeAtStop);
        airbyteFactory.embeddedStandIn().ifPresent(standIn -> {
            DataSource warehouse = dataSources.get(DataSourcesWiring.EMBEDDED_WAREHOUSE);
            if (warehouse != null) {
                standIn.onJobSucceeded(new DemoWarehouse(warehouse));
            }
        });
        ConnectionLookup lookup = airbyteFactory.lookup(airbyte);
        CircuitBreaker breaker = circuitBreaker(settings);
        runsAtStop = new RunsAtStop(RunsAtStop.Policy.parse(settings.get("runs.on-stop", "leave-running")),
                airbyte, breaker, store, leases, clock);

        BrokerWiring.configure(context, settings, dataDir, closeAtStop);
        RunRequests requests = new RunRequests(catalog, store, leases, context.createProducerTemplate(), clock);
        takeover = new RunTakeover(leases, store, requests);
        catchUp = new ScheduleCatchUp(catalog, store, requests, clock);

        context.getRegistry().bind("airbyteCircuitBreaker", breaker);
        context.getRegistry().bind("airbyteHealthCheck", new AirbyteHealthCheck(breaker));
        // one scheduler for every run's poll delays and retries, instead of a pool per pipeline route
        context.getRegistry().bind(RunErrorHandling.SCHEDULER, runScheduler(context, settings.getInt("runs.scheduler-threads", 4)));
        context.getRegistry().bind(ApiAuthentication.BEAN, ApiAuthWiring.create(settings, profile(settings, main), dataDir));
        context.getRegistry().bind("runRequests", requests);
        context.getRegistry().bind("runStore", store);
        context.getRegistry().bind("runLease", lease);
        context.getRegistry().bind("runRequestParser", new RunRequestParser(json));
        context.getRegistry().bind("requestIdRepository", new JdbcMessageIdRepository(stateDb, "run-requests"));

        main.configure().addRoutesBuilder(new RunErrorHandling(settings.getInt("runs.retry.max-attempts", 8),
                settings.getDuration("runs.retry.first-delay", Duration.ofSeconds(1)),
                settings.getDuration("runs.retry.max-delay", Duration.ofMinutes(1))));
        AirbyteWatchWiring.configure(main, settings, airbyte, breaker, catalog, clock, dataDir, json, closeAtStop);
        main.configure().addRoutesBuilder(new RunStepRoutes(airbyte, lookup, breaker, store, clock,
                settings.getDuration("runs.progress-every", Duration.ofSeconds(30)), catalog, dataSources, json));
        main.configure().addRoutesBuilder(new PipelineRoutes(catalog));
        main.configure().addRoutesBuilder(new RunLeaseRoutes(takeover, lease.duration()));
        main.configure().addRoutesBuilder(new ApiRoutes(requests, store, catalog, lookup, json));

        groupRuns = new GroupRuns(catalog, new GroupRunStore(stateDb, json), store, requests, context.createProducerTemplate(), clock);
        context.getRegistry().bind("groupRuns", groupRuns);
        main.configure().addRoutesBuilder(new GroupRoutes(catalog));
        main.configure().addRoutesBuilder(new GroupApiRoutes(groupRuns, catalog, json));
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        takeover.renewAndTakeOver();
        catchUp.run();
        groupRuns.resumeRunning();
    }

    @Override
    public void beforeStop(BaseMainSupport main) {
        if (runsAtStop != null) {
            runsAtStop.apply();
        }
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        // once Camel has stopped, so no renewal follows the release
        if (takeover != null) {
            try {
                takeover.releaseAll();
            } catch (RuntimeException e) {
                LOG.warn("Releasing run leases at stop failed ({}); other instances take the runs over when the leases pass", e.getMessage());
            }
        }
        for (int i = closeAtStop.size() - 1; i >= 0; i--) {
            try {
                closeAtStop.get(i).close();
            } catch (Exception e) {
                LOG.warn("Closing {} at stop failed: {}", closeAtStop.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        closeAtStop.clear();
        embeddedPostgres = null;
    }

    /** Started only when the state database or the warehouse needs it. */
    private EmbeddedPostgresServer embeddedPostgres(Settings settings, Path dataDir) {
        if (embeddedPostgres == null) {
            embeddedPostgres = closeLater(EmbeddedPostgresServer.start(dataDir.resolve("postgres"),
                    settings.getInt("embedded.postgres.port", 0)));
        }
        return embeddedPostgres;
    }

    private static String profile(Settings settings, BaseMainSupport main) {
        return settings.get("camel.main.profile").orElseGet(() -> main.configure().getProfile());
    }

    /** The environment completing logical connection names: pipelines.environment, else the Camel Main profile. */
    private static ConnectionNaming connectionNaming(Settings settings, BaseMainSupport main) {
        String environment = settings.get("pipelines.environment").orElseGet(() -> profile(settings, main));
        return new ConnectionNaming(environment, settings.get("pipelines.connection-name-format", ConnectionNaming.DEFAULT_FORMAT));
    }

    /**
     * The shared scheduler for poll delays and retries. A stop drops the waits still pending instead of
     * sitting them out: each waiting run's record already holds its last step, and the next start resumes it.
     */
    private ScheduledExecutorService runScheduler(CamelContext context, int threads) {
        ScheduledExecutorService scheduler = context.getExecutorServiceManager()
                .newScheduledThreadPool(this, RunErrorHandling.SCHEDULER, threads);
        if (scheduler instanceof SizedScheduledExecutorService sized) {
            sized.getScheduledThreadPoolExecutor().setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        return scheduler;
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        closeAtStop.add(resource);
        return resource;
    }

    /** One breaker per Airbyte instance, shared by every route; Resilience4j's defaults suit no job this small. */
    private static CircuitBreaker circuitBreaker(Settings settings) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.getInt("airbyte.circuit-breaker.window", 20))
                .minimumNumberOfCalls(settings.getInt("airbyte.circuit-breaker.minimum-calls", 5))
                .failureRateThreshold((float) settings.getDouble("airbyte.circuit-breaker.failure-rate", 50))
                .waitDurationInOpenState(settings.getDuration("airbyte.circuit-breaker.open-for", Duration.ofSeconds(30)))
                .permittedNumberOfCallsInHalfOpenState(settings.getInt("airbyte.circuit-breaker.half-open-calls", 2))
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // a final answer from Airbyte says nothing about its health
                .ignoreExceptions(AirbyteRejectedException.class, ConnectionLookupException.class)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("airbyte", config);
        breaker.getEventPublisher().onStateTransition(e -> LOG.warn("Airbyte circuit breaker {} -> {}",
                e.getStateTransition().getFromState(), e.getStateTransition().getToState()));
        return breaker;
    }
}
