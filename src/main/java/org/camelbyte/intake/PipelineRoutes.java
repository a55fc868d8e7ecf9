package org.camelbyte.intake;

import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;

/** One route per pipeline from the YAML template {@code airbyte-sync}, and one per schedule from {@code pipeline-schedule}. */
public class PipelineRoutes extends RouteBuilder {
    private final PipelineCatalog catalog;

    public PipelineRoutes(PipelineCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        for (Pipeline p : catalog.routed()) {
            templatedRoute("airbyte-sync").routeId("pipeline-" + p.name()).parameter("pipeline", p.name());
            if (p.schedule() != null) {
                templatedRoute("pipeline-schedule")
                        .routeId("schedule-" + p.name())
                        .parameter("pipeline", p.name())
                        .parameter("cron", p.schedule().cron())
                        .parameter("timeZone", p.schedule().timeZone())
                        .parameter("misfire", String.valueOf(QuartzFirings.misfireInstruction(p.schedule())));
            }
        }
    }
}
