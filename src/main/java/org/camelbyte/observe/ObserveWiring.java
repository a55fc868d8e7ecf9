package org.camelbyte.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.config.Beans;
import org.camelbyte.config.Settings;

/**
 * The operator's view wired in: log format and run context, the Prometheus registry Camel's
 * {@code /observe/metrics} serves (ours, so our meters and Camel's share it), our meters and health checks.
 */
public final class ObserveWiring {
    /** The registry name camel-micrometer and camel-micrometer-prometheus look up. */
    static final String REGISTRY = "metricsRegistry";

    private final CamelContext context;
    private final Settings settings;
    private final MeterRegistry registry;

    private ObserveWiring(CamelContext context, Settings settings, MeterRegistry registry) {
        this.context = context;
        this.settings = settings;
        this.registry = registry;
    }

    /** Before anything else logs or meters: the log format, the registry, run context in logs, retries. */
    public static ObserveWiring start(CamelContext context, Settings settings) {
        LogFormat.apply(settings.require("log.format"));
        MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        context.getRegistry().bind(REGISTRY, registry);
        context.getCamelContextExtension().addInterceptStrategy(new RunLogContext());
        context.getManagementStrategy().addEventNotifier(new RetryMetrics(registry));
        context.getRegistry().bind(Beans.RUN_METRICS, new RunMetrics(registry));
        return new ObserveWiring(context, settings, registry);
    }

    /** Every Airbyte call timed. */
    public AirbyteClient metered(AirbyteClient airbyte) {
        return new MeteredAirbyteClient(airbyte, registry);
    }

    /** Once the breaker, state database and broker exist: their metrics, health checks, and the outcome events' JSON. */
    public void watch(CircuitBreaker breaker, DataSource stateDb, ObjectMapper json, List<AutoCloseable> closeAtStop) {
        context.getRegistry().bind(Beans.AIRBYTE_HEALTH_CHECK, new AirbyteHealthCheck(breaker));
        BreakerMetrics.bind(breaker, registry);
        RunsInFlight inFlight = new RunsInFlight(stateDb, registry);
        ScheduledExecutorService counting =
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "runs-in-flight");
        counting.scheduleWithFixedDelay(inFlight::refresh, 0, 5, TimeUnit.SECONDS);

        Duration timeout = settings.getDuration("observe.health-timeout");
        StateDatabaseHealthCheck database = new StateDatabaseHealthCheck(stateDb, timeout);
        ConnectionFactory jms = context.getComponent("jms", JmsComponent.class)
                .getConfiguration()
                .getConnectionFactory();
        BrokerHealthCheck broker = new BrokerHealthCheck(jms, timeout);
        closeAtStop.add(database);
        closeAtStop.add(broker);
        context.getRegistry().bind("stateDatabaseHealthCheck", database);
        context.getRegistry().bind("brokerHealthCheck", broker);
        context.getRegistry().bind(Beans.OUTCOME_EVENTS, new OutcomeEvents(json));
    }
}
