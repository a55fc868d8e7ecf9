package org.camelbyte.steps;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.camelbyte.airbyte.AirbyteUnavailableException;
import org.camelbyte.config.Beans;
import org.camelbyte.run.RunStore;
import org.camelbyte.run.RunStoreException;

/**
 * How a run's route treats failures: transient ones (Airbyte down, slow or rate-limiting, the breaker
 * open, the state database away for a moment) are retried with exponential backoff and jitter, without
 * holding a thread; anything else, or retries used up, fails the run with the reason. A team's own step in the
 * template is under the same rules: an exception it throws fails the run with its message (the job id and the
 * figures stay), unless it is one of the transient kinds above. {@code direct:run-failed} publishes the outcome.
 */
public class RunErrorHandling extends RouteConfigurationBuilder {
    public static final String ID = "airbyte-run-errors";
    private final int maxRetries;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final RunStore store;
    private final Clock clock;

    public RunErrorHandling(int maxRetries, Duration firstDelay, Duration maxDelay, RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.maxRetries = maxRetries;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                // RetryNotice picks each wait (backoff with jitter, or Retry-After) and logs one line of ours
                .errorHandler(defaultErrorHandler()
                        .executorServiceRef(Beans.RUN_SCHEDULER)
                        .onExceptionOccurred(new RetryNotice(maxRetries, firstDelay, maxDelay, store, clock)))
                .onException(
                        AirbyteUnavailableException.class, CallNotPermittedException.class, RunStoreException.class)
                .maximumRedeliveries(maxRetries)
                .redeliveryDelay(firstDelay.toMillis())
                .asyncDelayedRedelivery()
                .logRetryAttempted(false)
                .logStackTrace(false)
                .logRetryStackTrace(false)
                .logExhausted(false)
                .handled(true)
                .to("direct:run-failed")
                .end()
                .onException(Exception.class)
                .logStackTrace(false)
                .logExhausted(false)
                .handled(true)
                .to("direct:run-failed");
    }
}
