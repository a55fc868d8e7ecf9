package org.camelbyte.component;

import java.util.Optional;

/**
 * The host application's durable runs, which {@code airbyte:run} hands work to and {@code airbyte:outcomes}
 * reports on. The Camelbyte app binds one; a plain Camel application has none, and those two operations are
 * refused at route start with a sentence saying so.
 */
public interface RunHandOff {

    /** Records a run of the pipeline (once per request id) and hands it to the run queue; the stored run. */
    PipelineRun accept(String pipeline, String requestId);

    /** The run as stored now. */
    Optional<PipelineRun> find(String runId);

    /** Where the host publishes every run's outcome to the airbyte:outcomes consumers. */
    RunOutcomes outcomes();
}
