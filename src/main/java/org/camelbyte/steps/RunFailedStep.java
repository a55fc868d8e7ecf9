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
        // a run ended meanwhile (cancelled through the API while its lookup or a retry was under way) keeps that
        // outcome, and its route stops here: the route configuration's direct:run-outcome after this step is not
        // reached, so no second outcome is published
        ending.endNow(
                exchange,
                run,
                RunStatus.FAILED,
                cause == null
                        ? "The run failed for an unknown reason; see the app's log."
                        : RetryNotice.describe(cause));
    }
}
