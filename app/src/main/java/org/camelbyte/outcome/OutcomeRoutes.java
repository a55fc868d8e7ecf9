package org.camelbyte.outcome;

import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.config.Beans;
import org.camelbyte.group.GroupRuns;
import org.camelbyte.intake.ComponentRuns;
import org.camelbyte.intake.RunRequests;
import org.camelbyte.observe.RunMetrics;
import org.camelbyte.run.Run;

/**
 * {@code direct:run-outcome}: what every ended run needs, whatever ended it (its route, a cancel through the
 * API, a skipped member of a group run): the run held behind it may start, its group run advances, {@code
 * airbyte:outcomes} consumers get it, metrics count it, and the relay delivers its event, which the statement
 * that recorded the outcome already put in the outbox. Java, not a route file: a team tidying {@code routes/}
 * cannot lose a held request or a group's progress. {@code direct:group-run-outcome} does the same for a group
 * run that ended.
 */
public class OutcomeRoutes extends RouteBuilder {
    private final RunRequests requests;
    private final GroupRuns groupRuns;
    private final OutcomeRelay relay;

    public OutcomeRoutes(RunRequests requests, GroupRuns groupRuns, OutcomeRelay relay) {
        this.requests = requests;
        this.groupRuns = groupRuns;
        this.relay = relay;
    }

    @Override
    public void configure() {
        ComponentRuns consumers =
                getContext().getRegistry().lookupByNameAndType(Beans.AIRBYTE_OUTCOMES, ComponentRuns.class);
        RunMetrics metrics = getContext().getRegistry().lookupByNameAndType(Beans.RUN_METRICS, RunMetrics.class);
        from("direct:run-outcome").routeId("run-outcome").process(exchange -> {
            Run run = exchange.getMessage().getMandatoryBody(Run.class);
            // the event first: it is in the outbox already, and the relay's thread sends it
            relay.wake();
            requests.releaseHeld(run.getPipeline());
            groupRuns.runEnded(run);
            consumers.publish(run);
            metrics.runEnded(run);
        });
        from("direct:group-run-outcome")
                .routeId("group-run-outcome")
                .process(exchange -> relay.wake())
                .to("micrometer:counter:camelbyte.group.runs?tags.group=${body.group}&tags.status=${body.status}");
    }
}
