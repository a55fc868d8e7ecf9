package org.camelbyte.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.camelbyte.component.PipelineRun;
import org.camelbyte.component.RunHandOff;
import org.camelbyte.component.RunOutcomes;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;

/**
 * The app's runs as the airbyte: component sees them: airbyte:run goes through the run queue like any
 * trigger, and every run's outcome reaches the airbyte:outcomes consumers (bean {@code airbyteOutcomes}).
 */
public final class ComponentRuns implements RunHandOff {
    private final RunRequests requests;
    private final RunStore store;
    private final ObjectMapper json;
    private final RunOutcomes outcomes = new RunOutcomes();

    ComponentRuns(RunRequests requests, RunStore store, ObjectMapper json) {
        this.requests = requests;
        this.store = store;
        this.json = json;
    }

    @Override
    public PipelineRun accept(String pipeline, String requestId) {
        return view(requests.accept(RunRequest.forPipeline(pipeline, requestId, null, "component"))
                .run());
    }

    @Override
    public Optional<PipelineRun> find(String runId) {
        return store.find(runId).map(this::view);
    }

    @Override
    public RunOutcomes outcomes() {
        return outcomes;
    }

    /**
     * Hands a run's outcome to the airbyte:outcomes consumers; a consumer's failure stays in its route. With none
     * (the shipped routes have none), the run is not turned into the map a consumer would get: every run's end
     * comes through here.
     */
    public void publish(Run run) {
        if (outcomes.hasConsumers()) {
            outcomes.publish(view(run));
        }
    }

    private PipelineRun view(Run run) {
        return new PipelineRun(
                run.getRunId(),
                run.getRequestId(),
                run.getPipeline(),
                run.getStatus().wireName(),
                run.isFinal(),
                run.getStatus() == RunStatus.SUCCEEDED || run.getStatus() == RunStatus.SKIPPED,
                run.getJobId(),
                run.getJobStatus(),
                run.getConnectionId(),
                run.getError(),
                // the run JSON of the HTTP API and the outcome events
                json.convertValue(run, new TypeReference<Map<String, Object>>() {}));
    }
}
