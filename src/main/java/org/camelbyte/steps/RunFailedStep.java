package org.camelbyte.steps;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;

/** A step failed for good (unknown connection, rejected request, retries used up): the run fails with that reason. */
class RunFailedStep implements Processor {
    private final RunEnding ending;

    RunFailedStep(RunEnding ending) {
        this.ending = ending;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = exchange.getMessage().getBody(Run.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ending.endNow(
                run,
                RunStatus.FAILED,
                cause == null
                        ? "The run failed for an unknown reason; see the app's log."
                        : RetryNotice.describe(cause));
    }
}
