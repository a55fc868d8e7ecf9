package org.camelbyte.steps;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step failed for good (unknown connection, rejected request, retries used up, a team's own step that threw):
 * the run fails with that reason, keeping its job id and figures, and its outcome is published.
 */
class RunFailedStep implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(RunFailedStep.class);
    private final RunEnding ending;
    private final OutcomeHandOff outcomes;

    RunFailedStep(RunEnding ending, OutcomeHandOff outcomes) {
        this.ending = ending;
        this.outcomes = outcomes;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = RunVariable.of(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null
                ? "The run failed for an unknown reason; see the app's log."
                : RetryNotice.describe(cause);
        if (exchange.getProperty(RunProperties.PUBLISHED, false, Boolean.class)) {
            // a team's step after direct:run-finish: the outcome stands and went out; say what failed
            LOG.warn(
                    "Pipeline {}, run {}: a step after the run's outcome failed: {}",
                    run.getPipeline(),
                    run.getRunId(),
                    reason);
            return;
        }
        RunVariable.keepResults(exchange, run);
        // a run ended meanwhile (cancelled through the API while its lookup or a retry was under way) keeps that
        // outcome, and its route stops here: no second outcome is published
        if (ending.endNow(exchange, run, RunStatus.FAILED, reason)) {
            exchange.setProperty(RunProperties.PUBLISHED, true);
            outcomes.publish(run);
        }
    }
}
