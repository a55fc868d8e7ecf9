package org.camelbyte.group;

import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.intake.QuartzFirings;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.pipeline.PipelineGroup;

/** One route per scheduled group, from the YAML template {@code group-schedule}. */
public class GroupRoutes extends RouteBuilder {
    private final PipelineCatalog catalog;

    public GroupRoutes(PipelineCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        for (PipelineGroup group : catalog.groups()) {
            if (group.schedule() != null) {
                templatedRoute("group-schedule")
                        .routeId("group-schedule-" + group.name())
                        .parameter("group", group.name())
                        .parameter("cron", group.schedule().cron())
                        .parameter("timeZone", group.schedule().timeZone())
                        .parameter("misfire", String.valueOf(QuartzFirings.misfireInstruction(group.schedule())));
            }
        }
    }
}
