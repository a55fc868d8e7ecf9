package org.camelbyte.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spi.OnCamelContextStarted;
import org.apache.camel.support.LifecycleStrategySupport;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.config.Beans;
import org.camelbyte.config.Settings;
import org.camelbyte.group.GroupRunStatus;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.pipeline.PipelineGroup;
import org.camelbyte.poststep.CheckSpec;

/**
 * The operator's view wired in: log format and run context, the Prometheus registry Camel's
 * {@code /observe/metrics} serves (ours, so our meters and Camel's share it), our meters and health checks.
 */
public final class ObserveWiring {
    /** The registry name camel-micrometer and camel-micrometer-prometheus look up. */
    static final String REGISTRY = Beans.METRICS_REGISTRY;

    /** The label Camel's own meters name their context by. */
    private static final String CAMEL_CONTEXT = "camelContext";

    private final CamelContext context;
    private final Settings settings;
    private final MeterRegistry registry;

    private final RetryMetrics retries;

    private ObserveWiring(CamelContext context, Settings settings, MeterRegistry registry, RetryMetrics retries) {
        this.context = context;
        this.settings = settings;
        this.registry = registry;
        this.retries = retries;
    }

    /** Before anything else logs or meters: the log format, the registry, run context in logs, retries. */
    public static ObserveWiring start(CamelContext context, Settings settings) {
        LogFormat.apply(settings.require("log.format"));
        MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // one label scheme: Camel's meters name their context, ours and the JVM's would not; an app has one
        // context and Prometheus labels the target itself, so the label goes from all of them
        registry.config().meterFilter(MeterFilter.ignoreTags(CAMEL_CONTEXT));
        context.getRegistry().bind(REGISTRY, registry);
        context.getCamelContextExtension().addInterceptStrategy(new RunLogContext());
        RetryMetrics retries = new RetryMetrics(registry);
        context.getManagementStrategy().addEventNotifier(retries);
        context.getRegistry().bind(Beans.RUN_METRICS, new RunMetrics(registry));
        return new ObserveWiring(context, settings, registry, retries);
    }

    /** Every Airbyte call timed. */
    public AirbyteClient metered(AirbyteClient airbyte) {
        return new MeteredAirbyteClient(airbyte, registry);
    }

    /**
     * Every series an operator alerts on exists from the start at zero, with its help text, also those the
     * YAML routes count through the micrometer component (which registers no description).
     */
    private void atZero(PipelineCatalog catalog) {
        List<String> pipelines = new ArrayList<>();
        catalog.all().forEach(p -> pipelines.add(p.name()));
        if (!pipelines.contains(PipelineCatalog.ADHOC)) {
            pipelines.add(PipelineCatalog.ADHOC);
        }
        RunMetrics runs = context.getRegistry().lookupByNameAndType(Beans.RUN_METRICS, RunMetrics.class);
        runs.zero(pipelines);
        runs.zeroChecks(catalog.all().stream()
                .filter(p -> p.postSync() != null)
                .flatMap(p -> p.postSync().checks().stream())
                .map(CheckSpec::kind)
                .collect(Collectors.toCollection(TreeSet::new)));
        for (PipelineGroup group : catalog.groups()) {
            for (GroupRunStatus status : List.of(GroupRunStatus.SUCCEEDED, GroupRunStatus.FAILED)) {
                Counter.builder("camelbyte.group.runs")
                        .description("Group runs ended, by group and final status")
                        .tags("group", group.name(), "status", status.wireName())
                        .register(registry);
            }
        }
        for (String outcome : List.of("accepted", "duplicate", "dead_lettered")) {
            Counter.builder("camelbyte.queue.requests")
                    .description("Run requests read from the queue, by outcome (accepted, duplicate, dead_lettered)")
                    .tag("outcome", outcome)
                    .register(registry);
        }
        // the run steps are routes: their retry series once the routes exist
        context.addLifecycleStrategy(LifecycleStrategySupport.adapt((OnCamelContextStarted) retries::zero));
    }

    /** Once the breaker, state database and broker exist: their metrics, health checks, and the outcome events' JSON. */
    public void watch(
            CircuitBreaker breaker,
            DataSource stateDb,
            PipelineCatalog catalog,
            ObjectMapper json,
            List<AutoCloseable> closeAtStop) {
        context.getRegistry().bind(Beans.AIRBYTE_HEALTH_CHECK, new AirbyteHealthCheck(breaker));
        BreakerMetrics.bind(breaker, registry);
        atZero(catalog);
        MeteredAirbyteClient.zero(registry);
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
