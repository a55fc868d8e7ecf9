package org.camelbyte.routes;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;

/**
 * A job Airbyte refuses for good (it is unknown, the credentials are refused): polling on would never end,
 * so the run fails with Airbyte's answer. Passing failures need nothing here: the job watcher keeps the
 * last snapshot and asks again, and the pipeline's deadline still applies.
 */
class PollFailedStep implements Processor {
    private final RunStore store;
    private final Clock clock;

    PollFailedStep(RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = exchange.getMessage().getBody(Run.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        run.setStatus(RunStatus.FAILED);
        run.setError("Airbyte refused the status of job " + run.getJobId() + ": " + cause.getMessage());
        run.setEndedAt(clock.instant());
        store.update(run);
        exchange.setProperty(RunProperties.JOB_DONE, true);
    }
}
