package org.camelbyte.routes;

import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;

/** One route per pipeline, made from the YAML template {@code airbyte-sync} in routes/. */
public class PipelineRoutes extends RouteBuilder {
    private final PipelineCatalog catalog;
    private final int concurrentStarts;

    public PipelineRoutes(PipelineCatalog catalog, int concurrentStarts) {
        this.catalog = catalog;
        this.concurrentStarts = concurrentStarts;
    }

    @Override
    public void configure() {
        for (Pipeline p : catalog.all()) {
            templatedRoute("airbyte-sync")
                    .routeId("pipeline-" + p.name())
                    .parameter("pipeline", p.name())
                    .parameter("pollIntervalMs", String.valueOf(p.pollInterval().toMillis()))
                    .parameter("timeoutMs", String.valueOf(p.timeout().toMillis()))
                    .parameter("cancelOnTimeout", String.valueOf(p.cancelOnTimeout()))
                    .parameter("concurrentStarts", String.valueOf(concurrentStarts));
        }
    }
}
