package org.camelbyte.intake;

import java.util.Date;
import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;

/**
 * One route per pipeline from the YAML template {@code airbyte-sync} (the team's), and one per schedule: a firing
 * only records and hands off the run, so the Quartz thread is free again at once. Schedules are Java, not a
 * route file: they come from {@code schedule:} in pipelines.yaml, and a firing must never be dropped.
 */
public class PipelineRoutes extends RouteBuilder {
    private final PipelineCatalog catalog;
    private final RunRequests requests;

    public PipelineRoutes(PipelineCatalog catalog, RunRequests requests) {
        this.catalog = catalog;
        this.requests = requests;
    }

    @Override
    public void configure() {
        QuartzFirings firings = new QuartzFirings();
        for (Pipeline p : catalog.routed()) {
            templatedRoute("airbyte-sync").routeId("pipeline-" + p.name()).parameter("pipeline", p.name());
            if (p.schedule() != null) {
                from(QuartzFirings.uri(StaleSchedules.PIPELINES, p.name(), p.schedule()))
                        .routeId("schedule-" + p.name())
                        .process(firings)
                        .process(exchange -> requests.scheduled(
                                p.name(), exchange.getMessage().getHeader("scheduledFireTime", Date.class)));
            }
        }
    }
}
