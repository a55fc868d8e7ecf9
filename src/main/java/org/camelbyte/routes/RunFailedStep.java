package org.camelbyte.routes;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;

/** A step failed for good (unknown connection, rejected request, retries used up): the run fails with that reason. */
class RunFailedStep implements Processor {
    private final RunStore store;
    private final Clock clock;

    RunFailedStep(RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = exchange.getMessage().getBody(Run.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        run.setStatus(RunStatus.FAILED);
        run.setError(cause == null ? "The run failed for an unknown reason; see the app's log."
                : org.camelbyte.steps.RetryNotice.describe(cause));
        run.setEndedAt(clock.instant());
        store.update(run);
        OutcomeStep.log(run);
    }
}
