package org.camelbyte.steps;

import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunCancels;
import org.camelbyte.run.RunStatus;

/**
 * {@code direct:run-cancel-requested}, in the poll loop after each status call: a run cancelled through the
 * API ends here, through the same path as a watchdog's cancel. Its Airbyte job was already cancelled by the
 * API call; ending it here stops the loop and writes the cancel over whatever the poll just wrote, so the
 * outcome stays the caller's.
 */
public class CancelStepRoutes extends RouteBuilder {
    private final RunCancels cancels;
    private final RunEnding ending;

    public CancelStepRoutes(RunCancels cancels, RunEnding ending) {
        this.cancels = cancels;
        this.ending = ending;
    }

    @Override
    public void configure() {
        // no error handler of its own, like the other steps: a failure goes back to the run's route
        from("direct:run-cancel-requested")
                .routeId("run-cancel-requested")
                .errorHandler(noErrorHandler())
                .process(exchange -> {
                    Run run = exchange.getMessage().getBody(Run.class);
                    cancels.take(run.getRunId())
                            .ifPresent(error -> ending.endLoop(exchange, run, RunStatus.CANCELLED, error));
                });
    }
}
