package org.camelbyte.routes;

import java.time.Clock;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.camelbyte.airbyte.JobType;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;

/**
 * Accepts a run request from any trigger: records the run (deduplicated on requestId) and hands it to the
 * pipeline's route without waiting, so the trigger's thread is free at once.
 */
public class RunRequests {
    private final PipelineCatalog catalog;
    private final RunStore store;
    private final ProducerTemplate producer;
    private final Clock clock;

    public RunRequests(PipelineCatalog catalog, RunStore store, ProducerTemplate producer, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.producer = producer;
        this.clock = clock;
    }

    /** The outcome of {@link #accept}: the stored run, and whether this request created it. */
    public record Accepted(Run run, boolean created) {}

    public Accepted accept(String pipelineName, String requestId, String jobType) {
        Pipeline pipeline = catalog.find(pipelineName).orElseThrow(() -> new UnknownPipelineException(
                "No pipeline is named '" + pipelineName + "'; known pipelines: " + catalog.namesForHumans() + "."));
        Run run = new Run();
        run.setRunId(UUID.randomUUID().toString());
        run.setRequestId(requestId == null || requestId.isBlank() ? run.getRunId() : requestId);
        run.setPipeline(pipeline.name());
        run.setConnectionName(pipeline.connectionName());
        run.setJobType((jobType == null ? pipeline.jobType() : JobType.parse(jobType)).wireName());
        run.setStatus(RunStatus.QUEUED);
        run.setStartedAt(clock.instant());
        Run stored = store.insertOrGetExisting(run);
        boolean created = stored.getRunId().equals(run.getRunId());
        if (created) {
            handOff(stored);
        }
        return new Accepted(stored, created);
    }

    /** Sends a recorded run to its pipeline's route; also used to resume open runs at start-up. */
    public void handOff(Run run) {
        Pipeline pipeline = catalog.find(run.getPipeline()).orElseThrow(() -> new UnknownPipelineException(
                "Run " + run.getRunId() + " belongs to pipeline '" + run.getPipeline() + "', which is no longer configured;"
                        + " put it back in pipelines.yaml to let the run finish."));
        producer.sendBody(pipeline.endpointUri() + "?waitForTaskToComplete=Never", run);
    }
}
