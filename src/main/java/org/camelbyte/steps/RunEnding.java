package org.camelbyte.steps;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends a run from inside the poll loop (deadline, watchdog), cancelling its Airbyte job first when asked. */
final class RunEnding {
    private static final Logger LOG = LoggerFactory.getLogger(RunEnding.class);
    private final AirbyteClient airbyte;
    private final CircuitBreaker breaker;
    private final RunStore store;
    private final Clock clock;

    RunEnding(AirbyteClient airbyte, CircuitBreaker breaker, RunStore store, Clock clock) {
        this.airbyte = airbyte;
        this.breaker = breaker;
        this.store = store;
        this.clock = clock;
    }

    /** Cancels the run's job; answers the end of the error sentence saying how that went. */
    String cancelJob(Run run, String cancelledNote) {
        try {
            breaker.executeRunnable(() -> airbyte.cancelJob(run.getJobId()));
            return "; it was cancelled in Airbyte" + cancelledNote;
        } catch (RuntimeException e) {
            return "; cancelling it failed (" + e.getMessage() + "), so cancel it in Airbyte by hand.";
        }
    }

    /** Records the run's end and tells the loop to stop. */
    void end(Exchange exchange, Run run, RunStatus status, String error) {
        LOG.warn("Pipeline {}: {}", run.getPipeline(), error);
        run.setStatus(status);
        run.setError(error);
        run.setEndedAt(clock.instant());
        store.update(run);
        exchange.setProperty(RunProperties.JOB_DONE, true);
    }
}
