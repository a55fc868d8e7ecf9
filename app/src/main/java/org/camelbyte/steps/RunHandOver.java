package org.camelbyte.steps;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.Run;

/**
 * A run taken from the run queue, before its pipeline's route: the run moves into its exchange variable, the
 * body is emptied for the team's steps, and the pipeline's poll interval, timeout and cancel policy become the
 * properties the follow step reads.
 */
class RunHandOver implements Processor {
    private final PipelineCatalog catalog;

    RunHandOver(PipelineCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        Run run = exchange.getMessage().getMandatoryBody(Run.class);
        RunVariable.set(exchange, run);
        exchange.getMessage().setBody(null);
        Pipeline pipeline = catalog.find(run.getPipeline())
                .orElseThrow(() -> new IllegalStateException("Pipeline '" + run.getPipeline()
                        + "' is no longer in pipelines.yaml, so this run cannot go on; add the pipeline back to"
                        + " resume it, or start a run of a pipeline that exists."));
        exchange.setProperty(RunProperties.PIPELINE, pipeline.name());
        exchange.setProperty(
                RunProperties.POLL_DELAY_MS, pipeline.pollInterval().toMillis());
        exchange.setProperty(RunProperties.TIMEOUT_MS, pipeline.timeout().toMillis());
        exchange.setProperty(RunProperties.CANCEL_ON_TIMEOUT, pipeline.cancelOnTimeout());
        exchange.setProperty(RunProperties.WATCHDOG, pipeline.watchdog());
    }
}
