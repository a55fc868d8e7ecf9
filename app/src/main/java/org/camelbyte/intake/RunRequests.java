package org.camelbyte.intake;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.camelbyte.airbyte.JobType;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunLeases;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts run requests from every trigger: records the run (deduplicated on requestId) before anything
 * else, then hands it to the pipeline's route without waiting, so the trigger's thread is free at once.
 */
public class RunRequests {
    private static final Logger LOG = LoggerFactory.getLogger(RunRequests.class);
    private static final String RUN_QUEUE = "seda:runs?waitForTaskToComplete=Never";
    private final PipelineCatalog catalog;
    private final RunStore store;
    private final RunLeases leases;
    private final ProducerTemplate producer;
    private final Clock clock;

    public RunRequests(
            PipelineCatalog catalog, RunStore store, RunLeases leases, ProducerTemplate producer, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.leases = leases;
        this.producer = producer;
        this.clock = clock;
    }

    /** The stored run, and whether this request created it (false: a duplicate of an earlier request). */
    public record Accepted(Run run, boolean created) {}

    public Accepted accept(RunRequest request) {
        return acceptRun(request, null);
    }

    /** A run that is one step of a group run: recorded with the group run's id, then handed off like any other. */
    public Accepted acceptForGroup(RunRequest request, String groupRunId) {
        return acceptRun(request, groupRunId);
    }

    private Accepted acceptRun(RunRequest request, String groupRunId) {
        Pipeline pipeline;
        String connectionName;
        if (request.pipeline() != null) {
            pipeline = catalog.find(request.pipeline())
                    .orElseThrow(() -> new UnknownPipelineException("No pipeline is named '" + request.pipeline()
                            + "'; known pipelines: " + catalog.namesForHumans() + "."));
            connectionName = PipelineCatalog.ADHOC.equals(pipeline.name())
                    ? request.connectionName()
                    : pipeline.connectionName();
        } else {
            pipeline = catalog.forConnection(request.connectionName());
            connectionName = request.connectionName();
        }
        if (connectionName == null) {
            throw new InvalidRunRequestException(
                    "The ad-hoc pipeline needs a connectionName; name the Airbyte connection to sync.");
        }
        Run run = newRun(request, pipeline, connectionName);
        run.setGroupRunId(groupRunId);
        Run stored = store.insertOrGetExisting(run);
        boolean created = stored.getRunId().equals(run.getRunId());
        if (created) {
            handOff(stored);
        } else {
            LOG.info(
                    "Request {} was already accepted as run {} ({}); not starting another",
                    request.requestId(),
                    stored.getRunId(),
                    stored.getStatus().wireName());
        }
        return new Accepted(stored, created);
    }

    /**
     * A schedule fired. A pipeline never overlaps itself: with a run still going the firing is skipped,
     * or, with {@code whenBusy: queue}, recorded and held until that run ends.
     */
    public void scheduled(String pipelineName, Date scheduledFireTime) {
        Pipeline pipeline = catalog.find(pipelineName).orElseThrow();
        List<Run> open = store.openRuns(pipelineName);
        // named after the firing, not the moment: two instances firing the same schedule record one run
        String requestId = "schedule:" + pipelineName + ":" + scheduledFireTime.toInstant();
        if (open.isEmpty()) {
            accept(RunRequest.forPipeline(pipelineName, requestId, null, "schedule"));
        } else if (pipeline.schedule() != null && pipeline.schedule().queueWhenBusy()) {
            Run run = newRun(
                    RunRequest.forPipeline(pipelineName, requestId, null, "schedule"),
                    pipeline,
                    pipeline.connectionName());
            run.setHeld(true);
            store.insertOrGetExisting(run);
            LOG.info(
                    "Pipeline {}: schedule fired while run {} is still going; run {} waits behind it",
                    pipelineName,
                    open.get(0).getRunId(),
                    run.getRunId());
        } else {
            LOG.info(
                    "Pipeline {}: schedule fired while run {} is still {}; skipping this firing (set schedule.whenBusy: queue to queue it)",
                    pipelineName,
                    open.get(0).getRunId(),
                    open.get(0).getStatus().wireName());
        }
    }

    /**
     * A run ended: start the oldest run held behind it, if any. Whichever instance lets it go owns it, and
     * only one can: instances finishing runs of the same pipeline at once race on one conditional update.
     */
    public void releaseHeld(String pipelineName) {
        store.nextHeldIfNoneGoes(pipelineName)
                .filter(next -> leases.unhold(next.getRunId()))
                .ifPresent(next -> {
                    next.setHeld(false);
                    handOff(next);
                });
    }

    private Run newRun(RunRequest request, Pipeline pipeline, String connectionName) {
        Run run = new Run();
        run.setRunId(UUID.randomUUID().toString());
        run.setRequestId(
                request.requestId() == null || request.requestId().isBlank() ? run.getRunId() : request.requestId());
        run.setPipeline(pipeline.name());
        run.setConnectionName(connectionName);
        run.setJobType((request.jobType() == null ? pipeline.jobType() : JobType.parse(request.jobType())).wireName());
        run.setTrigger(request.trigger());
        run.setStatus(RunStatus.QUEUED);
        run.setStartedAt(clock.instant());
        return run;
    }

    /** Puts the run on the run queue; the caller owns the run. */
    void handOff(Run run) {
        if (catalog.find(run.getPipeline()).isEmpty()) {
            throw new UnknownPipelineException("Run " + run.getRunId() + " belongs to pipeline '" + run.getPipeline()
                    + "', which is no longer configured; put it back in pipelines.yaml to let the run finish.");
        }
        producer.sendBody(RUN_QUEUE, run);
    }
}
