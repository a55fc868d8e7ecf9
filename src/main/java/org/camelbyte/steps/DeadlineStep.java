package org.camelbyte.steps;

import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.config.Durations;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;

/** Ends a run whose job outlived the pipeline's timeout, cancelling the Airbyte job unless told not to. */
class DeadlineStep implements Processor {
    private final RunEnding ending;
    private final Clock clock;

    DeadlineStep(RunEnding ending, Clock clock) {
        this.ending = ending;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = RunVariable.of(exchange);
        if (Boolean.TRUE.equals(exchange.getProperty(RunProperties.JOB_DONE, Boolean.class))
                || run.getDeadline() == null
                || clock.instant().isBefore(run.getDeadline())) {
            return;
        }
        long timeoutMs = exchange.getProperty(RunProperties.TIMEOUT_MS, Long.class);
        String error = "Job " + run.getJobId() + " did not finish within the pipeline's timeout of "
                + Durations.format(Duration.ofMillis(timeoutMs));
        if (exchange.getProperty(RunProperties.CANCEL_ON_TIMEOUT, true, Boolean.class)) {
            error += ending.cancelJob(run, ". Raise timeout if such syncs are normal.");
        } else {
            error += "; it was left running in Airbyte (watchdog.onTimeout: leave).";
        }
        ending.endLoop(exchange, run, RunStatus.TIMED_OUT, error);
    }
}
