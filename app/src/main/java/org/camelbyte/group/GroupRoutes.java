package org.camelbyte.group;

import java.util.Date;
import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.intake.QuartzFirings;
import org.camelbyte.intake.StaleSchedules;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.pipeline.PipelineGroup;

/**
 * One route per scheduled group: a firing records the group run and starts its first pipelines; the Quartz thread
 * is free at once. Java, not a route file: a firing must never be dropped.
 */
public class GroupRoutes extends RouteBuilder {
    private final PipelineCatalog catalog;
    private final GroupRuns groupRuns;

    public GroupRoutes(PipelineCatalog catalog, GroupRuns groupRuns) {
        this.catalog = catalog;
        this.groupRuns = groupRuns;
    }

    @Override
    public void configure() {
        for (PipelineGroup group : catalog.groups()) {
            if (group.schedule() != null) {
                from(QuartzFirings.uri(StaleSchedules.GROUPS_OF_PIPELINES, group.name(), group.schedule()))
                        .routeId("group-schedule-" + group.name())
                        .process(new QuartzFirings())
                        .process(exchange -> groupRuns.scheduled(
                                group.name(), exchange.getMessage().getHeader("scheduledFireTime", Date.class)));
            }
        }
    }
}
