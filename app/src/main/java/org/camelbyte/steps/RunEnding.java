package org.camelbyte.steps;

import org.apache.camel.Exchange;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunEnds;
import org.camelbyte.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the run's route ends a run: through {@link RunEnds} (the one way an end is recorded), once per route,
 * stopping the route when the run's record already had an outcome, so no second outcome is published.
 */
public final class RunEnding {
    private static final Logger LOG = LoggerFactory.getLogger(RunEnding.class);
    private final RunEnds ends;

    public RunEnding(RunEnds ends) {
        this.ends = ends;
    }

    /** Cancels the run's job; answers the end of the error sentence saying how that went. */
    String cancelJob(Run run, String cancelledNote) {
        return ends.cancelJob(run, cancelledNote);
    }

    RunEnds ends() {
        return ends;
    }

    /**
     * Ends the run from a step of its route; answers whether the route goes on to publish the outcome. When it
     * does not (the record already had an outcome, or this route already ended the run once), the route stops
     * here: no second outcome is published.
     */
    boolean end(Exchange exchange, Run run, RunStatus status, String error) {
        return ours(exchange, !endedByThisRoute(exchange) && ends.record(run, status, error));
    }

    /** The run's record got an outcome while its route was between steps: takes it, as {@link #end} would. */
    boolean takeRecordedEnd(Exchange exchange, Run run) {
        return ours(exchange, !endedByThisRoute(exchange) && ends.takeRecordedEnd(run));
    }

    /**
     * After {@link RunEnds#recordLater}, the same answer as {@link #end}: the write held, or the record had an
     * outcome meanwhile, which the run takes.
     */
    boolean takeEnd(Exchange exchange, Run run, boolean written) {
        return ours(exchange, written || ends.takeRecordedEnd(run));
    }

    static boolean endedByThisRoute(Exchange exchange) {
        return exchange.getProperty(RunProperties.ENDED, false, Boolean.class);
    }

    private static boolean ours(Exchange exchange, boolean ours) {
        if (ours) {
            exchange.setProperty(RunProperties.ENDED, true);
        } else {
            exchange.setRouteStop(true);
        }
        return ours;
    }

    /** Ends the run from inside the poll loop (deadline, watchdog, a refused status): records it and stops the loop. */
    public void endLoop(Exchange exchange, Run run, RunStatus status, String error) {
        exchange.setProperty(RunProperties.JOB_DONE, true);
        if (end(exchange, run, status, error)) {
            LOG.warn("Pipeline {}: {}", run.getPipeline(), error);
        }
    }

    /**
     * Ends a run that leaves the template here (retries used up, a step failed): records and logs its outcome and
     * answers true, or stops the route when the run had already ended.
     */
    boolean endNow(Exchange exchange, Run run, RunStatus status, String error) {
        if (end(exchange, run, status, error)) {
            RunEnds.logOutcome(run);
            return true;
        }
        return false;
    }
}
