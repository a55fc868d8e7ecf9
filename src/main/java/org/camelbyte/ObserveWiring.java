package org.camelbyte;

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
import org.camelbyte.config.Settings;
import org.camelbyte.observe.BreakerMetrics;
import org.camelbyte.observe.BrokerHealthCheck;
import org.camelbyte.observe.LogFormat;
import org.camelbyte.observe.MeteredAirbyteClient;
import org.camelbyte.observe.OutcomeEvents;
import org.camelbyte.observe.RetryMetrics;
import org.camelbyte.observe.RunLogContext;
import org.camelbyte.observe.RunMetrics;
import org.camelbyte.observe.RunsInFlight;
import org.camelbyte.observe.StateDatabaseHealthCheck;

/**
 * The operator's view wired in: log format and run context, the Prometheus registry Camel's
 * {@code /observe/metrics} serves (ours, so our meters and Camel's share it), our meters and health checks.
 */
final class ObserveWiring {
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
    static ObserveWiring start(CamelContext context, Settings settings) {
        LogFormat.apply(settings.get("log.format", "text"));
        MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        context.getRegistry().bind(REGISTRY, registry);
        context.getCamelContextExtension().addInterceptStrategy(new RunLogContext());
        context.getManagementStrategy().addEventNotifier(new RetryMetrics(registry));
        context.getRegistry().bind("runMetrics", new RunMetrics(registry));
        return new ObserveWiring(context, settings, registry);
    }

    /** Every Airbyte call timed. */
    AirbyteClient metered(AirbyteClient airbyte) {
        return new MeteredAirbyteClient(airbyte, registry);
    }

    /** Once the breaker, state database and broker exist: their metrics, health checks, and the outcome events' JSON. */
    void watch(CircuitBreaker breaker, DataSource stateDb, ObjectMapper json, List<AutoCloseable> closeAtStop) {
        BreakerMetrics.bind(breaker, registry);
        RunsInFlight inFlight = new RunsInFlight(stateDb, registry);
        ScheduledExecutorService counting = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "runs-in-flight");
        counting.scheduleWithFixedDelay(inFlight::refresh, 0, 5, TimeUnit.SECONDS);

        Duration timeout = settings.getDuration("observe.health-timeout", Duration.ofSeconds(2));
        StateDatabaseHealthCheck database = new StateDatabaseHealthCheck(stateDb, timeout);
        ConnectionFactory jms = context.getComponent("jms", JmsComponent.class).getConfiguration().getConnectionFactory();
        BrokerHealthCheck broker = new BrokerHealthCheck(jms, timeout);
        closeAtStop.add(database);
        closeAtStop.add(broker);
        context.getRegistry().bind("stateDatabaseHealthCheck", database);
        context.getRegistry().bind("brokerHealthCheck", broker);
        context.getRegistry().bind("outcomeEvents", new OutcomeEvents(json));
    }
}
