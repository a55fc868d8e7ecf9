package org.camelbyte.steps;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;

/**
 * A job Airbyte refuses for good (it is unknown, the credentials are refused): polling on would never end,
 * so the run fails with Airbyte's answer. Passing failures need nothing here: the job watcher keeps the
 * last snapshot and asks again, and the pipeline's deadline still applies.
 */
class PollFailedStep implements Processor {
    private final RunEnding ending;

    PollFailedStep(RunEnding ending) {
        this.ending = ending;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = RunVariable.of(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ending.endLoop(
                exchange,
                run,
                RunStatus.FAILED,
                "Airbyte refused the status of job " + run.getJobId() + ": " + cause.getMessage());
    }

    /** The job Airbyte shows under this id belongs to another connection: following it would report its outcome. */
    void notThisRunsJob(Exchange exchange, String jobConnectionId) {
        Run run = RunVariable.of(exchange);
        ending.endLoop(
                exchange,
                run,
                RunStatus.FAILED,
                "Airbyte's job " + run.getJobId() + " belongs to connection " + jobConnectionId
                        + ", not to this run's connection " + run.getConnectionId()
                        + ", so its outcome is not this run's; check that airbyte.url points at the Airbyte this run"
                        + " started on, and start a new run.");
    }
}
