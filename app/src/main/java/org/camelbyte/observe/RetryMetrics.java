package org.camelbyte.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts every retry of a run step by the step that failed ({@code run-trigger}, {@code run-lookup}, ...),
 * from Camel's redelivery events: it sees the run error handling's retries without being part of it.
 */
public class RetryMetrics extends EventNotifierSupport {
    private final MeterRegistry registry;

    public RetryMetrics(MeterRegistry registry) {
        this.registry = registry;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        // not the failed events: Camel sends redelivery events only to notifiers that take failed ones
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeRedeliveryEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        retries(step(((CamelEvent.ExchangeRedeliveryEvent) event).getExchange()))
                .increment();
    }

    /** Each run step's series at zero from the start: the steps are the {@code direct:run-*} routes. */
    void zero(CamelContext context) {
        context.getRoutes().stream()
                .map(route -> route.getEndpoint().getEndpointUri())
                .filter(uri -> uri.startsWith("direct://run-"))
                .map(uri -> uri.substring("direct://".length()))
                .forEach(this::retries);
    }

    private Counter retries(String step) {
        return Counter.builder("camelbyte.run.retries")
                .description("Retries of run steps after a transient failure, by step")
                .tag("step", step)
                .register(registry);
    }

    /** The step's direct: endpoint the failure came from, e.g. direct://run-trigger -> run-trigger. */
    static String step(Exchange exchange) {
        String uri = exchange.getProperty(ExchangePropertyKey.FAILURE_ENDPOINT, String.class);
        if (uri == null) {
            uri = exchange.getProperty(ExchangePropertyKey.TO_ENDPOINT, String.class);
        }
        if (uri == null) {
            return "unknown";
        }
        String path = uri.replaceFirst("^[a-z0-9-]+:(//)?", "");
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
