package org.camelbyte.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.config.Beans;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.RunStore;

/**
 * The reusable steps of a run, each behind a {@code direct:} endpoint that the YAML template calls.
 * They carry no error handler of their own: a failure goes back to the calling route, whose
 * route configuration decides between retrying and failing the run.
 */
public class RunStepRoutes extends RouteBuilder {
    private final AirbyteClient airbyte;
    private final ConnectionLookup lookup;
    private final CircuitBreaker breaker;
    private final JobWatcher watcher;
    private final RunStore store;
    private final Clock clock;
    private final Duration progressEvery;
    private final Processor postSync;
    private final PipelineCatalog catalog;

    private final RunEnding ending;
    private final int maxStartsPerSecond;

    public RunStepRoutes(
            AirbyteClient airbyte,
            ConnectionLookup lookup,
            CircuitBreaker breaker,
            JobWatcher watcher,
            RunStore store,
            RunEnding ending,
            Clock clock,
            Duration progressEvery,
            int maxStartsPerSecond,
            PipelineCatalog catalog,
            Map<String, DataSource> dataSources,
            ObjectMapper json) {
        this.airbyte = airbyte;
        this.lookup = lookup;
        this.breaker = breaker;
        this.watcher = watcher;
        this.store = store;
        this.clock = clock;
        this.progressEvery = progressEvery;
        this.maxStartsPerSecond = maxStartsPerSecond;
        this.ending = ending;
        this.postSync = new PostSyncStep(catalog, dataSources, lookup, store, ending, json);
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        step("run-lookup", remembersRetryAfter(new LookupStep(lookup)));
        // starts are limited by what Airbyte should take (runs.max-starts-per-second), waiting without a thread
        from("direct:run-trigger")
                .routeId("run-trigger")
                .errorHandler(noErrorHandler())
                .throttle(maxStartsPerSecond)
                .totalRequestsMode()
                .timePeriodMillis(1000)
                .asyncDelayed()
                .executorService(Beans.RUN_SCHEDULER)
                .process(remembersRetryAfter(new TriggerStep(airbyte, breaker, store, clock, watcher)));
        ScheduledExecutorService scheduler =
                getContext().getRegistry().lookupByNameAndType(Beans.RUN_SCHEDULER, ScheduledExecutorService.class);
        // the job watcher reads every job in batches; a run waits on it and only reads its snapshot
        step("run-wait", new WaitStep(watcher, scheduler));
        step("run-poll", new PollStep(watcher, store, clock, progressEvery, new PollFailedStep(ending)));
        step("run-deadline", new DeadlineStep(ending, clock, watcher, store));
        step("run-watchdog", new WatchdogStep(catalog, ending, clock));
        step("run-post-sync", postSync);
        step("run-finish", new OutcomeStep(ending));
        step("run-failed", new RunFailedStep(ending));
    }

    private void step(String name, Processor processor) {
        from("direct:" + name).routeId(name).errorHandler(noErrorHandler()).process(processor);
    }

    private static Processor remembersRetryAfter(Processor step) {
        return exchange -> {
            try {
                step.process(exchange);
                exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
            } catch (RuntimeException e) {
                RetryAfter.rememberFor(exchange, e);
                throw e;
            }
        };
    }
}
