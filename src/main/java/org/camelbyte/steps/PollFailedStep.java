package org.camelbyte.steps;

import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteRejectedException;
import org.camelbyte.airbyte.AirbyteUnavailableException;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit breaker's fallback for a status call that failed or was not permitted: the run goes on, and
 * the next poll waits longer (exponential, with jitter, at least the server's Retry-After). The deadline
 * still applies, so a long outage ends the run as timed out rather than never.
 */
class PollFailedStep implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(PollFailedStep.class);
    private final long maxBackoffMs;
    private final RunEnding ending;

    PollFailedStep(long maxBackoffMs, RunEnding ending) {
        this.maxBackoffMs = maxBackoffMs;
        this.ending = ending;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = exchange.getMessage().getBody(Run.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause instanceof AirbyteRejectedException rejected) {
            // a final answer (the job is gone, the credentials are refused): polling on would never end
            ending.endLoop(exchange, run, RunStatus.FAILED,
                    "Airbyte refused the status of job " + run.getJobId() + ": " + rejected.getMessage());
            return;
        }
        int failures = exchange.getProperty(RunProperties.FAILED_POLLS, 0, Integer.class) + 1;
        exchange.setProperty(RunProperties.FAILED_POLLS, failures);
        long interval = exchange.getProperty(RunProperties.POLL_INTERVAL_MS, Long.class);
        long backoff = Math.min(maxBackoffMs, interval << Math.min(failures, 16));
        long jittered = (long) (backoff * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        if (cause instanceof AirbyteUnavailableException unavailable && unavailable.retryAfter().isPresent()) {
            jittered = Math.max(jittered, unavailable.retryAfter().get().toMillis());
        }
        exchange.setProperty(RunProperties.POLL_DELAY_MS, jittered);
        LOG.warn("Pipeline {}: status of job {} not read ({}); try {} again in {} ms", run.getPipeline(), run.getJobId(),
                cause == null ? "circuit open" : cause.getMessage(), failures + 1, jittered);
    }
}
