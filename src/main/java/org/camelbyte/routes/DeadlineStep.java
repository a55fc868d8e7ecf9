package org.camelbyte.routes;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends a run whose job outlived the pipeline's timeout, cancelling the Airbyte job unless told not to. */
class DeadlineStep implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineStep.class);
    private final AirbyteClient airbyte;
    private final CircuitBreaker breaker;
    private final RunStore store;
    private final Clock clock;

    DeadlineStep(AirbyteClient airbyte, CircuitBreaker breaker, RunStore store, Clock clock) {
        this.airbyte = airbyte;
        this.breaker = breaker;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = exchange.getMessage().getBody(Run.class);
        if (Boolean.TRUE.equals(exchange.getProperty(RunProperties.JOB_DONE, Boolean.class))
                || run.getDeadline() == null || clock.instant().isBefore(run.getDeadline())) {
            return;
        }
        long timeoutMs = exchange.getProperty(RunProperties.TIMEOUT_MS, Long.class);
        String error = "Job " + run.getJobId() + " did not finish within the pipeline's timeout of "
                + PollStep.format(java.time.Duration.ofMillis(timeoutMs));
        if (exchange.getProperty(RunProperties.CANCEL_ON_TIMEOUT, true, Boolean.class)) {
            try {
                breaker.executeRunnable(() -> airbyte.cancelJob(run.getJobId()));
                error += "; it was cancelled in Airbyte. Raise timeout if such syncs are normal.";
            } catch (RuntimeException e) {
                error += "; cancelling it failed (" + e.getMessage() + "), so cancel it in Airbyte by hand.";
            }
        } else {
            error += "; it was left running in Airbyte (watchdog.onTimeout: leave).";
        }
        LOG.warn("Pipeline {}: {}", run.getPipeline(), error);
        run.setStatus(RunStatus.TIMED_OUT);
        run.setError(error);
        run.setEndedAt(clock.instant());
        store.update(run);
        exchange.setProperty(RunProperties.JOB_DONE, true);
    }
}
