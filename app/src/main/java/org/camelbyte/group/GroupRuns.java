package org.camelbyte.group;

import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.camelbyte.intake.NotFoundException;
import org.camelbyte.intake.RunRequest;
import org.camelbyte.intake.RunRequests;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.pipeline.PipelineGroup;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs groups of pipelines in dependency order. Starting a group run records it and starts what can go;
 * every member run that reaches its outcome ({@code direct:run-outcome}) calls {@link #runEnded}, which
 * re-reads the group run's rows and starts, skips or closes accordingly. Member runs have the request id
 * {@code group:<groupRunId>:<pipeline>}, so deciding twice (two runs ending at once, a restart, a second
 * instance) never starts a pipeline twice.
 */
public class GroupRuns {
    private static final Logger LOG = LoggerFactory.getLogger(GroupRuns.class);
    private final PipelineCatalog catalog;
    private final GroupRunStore groupStore;
    private final RunStore runStore;
    private final RunRequests requests;
    private final ProducerTemplate producer;
    private final Clock clock;

    public GroupRuns(
            PipelineCatalog catalog,
            GroupRunStore groupStore,
            RunStore runStore,
            RunRequests requests,
            ProducerTemplate producer,
            Clock clock) {
        this.catalog = catalog;
        this.groupStore = groupStore;
        this.runStore = runStore;
        this.requests = requests;
        this.producer = producer;
        this.clock = clock;
    }

    /** The stored group run, and whether this request created it (false: a duplicate requestId). */
    public record Started(GroupRun groupRun, boolean created) {}

    public Started start(String groupName, String requestId, String trigger) {
        PipelineGroup group = group(groupName);
        String id = UUID.randomUUID().toString();
        return begin(
                group,
                new GroupRun(
                        id,
                        requestId == null || requestId.isBlank() ? id : requestId,
                        group.name(),
                        trigger,
                        GroupRunStatus.RUNNING,
                        clock.instant(),
                        null,
                        null,
                        Map.of()));
    }

    /** A group's schedule fired; a group run never overlaps the same group's run still going. */
    public void scheduled(String groupName, Date scheduledFireTime) {
        List<GroupRun> running = groupStore.runningOf(groupName);
        if (running.isEmpty()) {
            // named after the firing, so instances sharing a state database record one group run per firing
            start(groupName, "schedule:group:" + groupName + ":" + scheduledFireTime.toInstant(), "schedule");
        } else {
            LOG.info(
                    "Group {}: schedule fired while group run {} is still going; skipping this firing",
                    groupName,
                    running.get(0).groupRunId());
        }
    }

    /**
     * Runs a failed group run again from its failures: what succeeded (there, or in the run it retried) is
     * carried over, not synced again. Retrying the same group run twice answers with the first retry.
     */
    public Started retry(String groupRunId) {
        GroupRun failed = find(groupRunId);
        if (failed.isRunning()) {
            throw new GroupRunConflictException(
                    "Group run " + groupRunId + " is still running; retry it once it has ended.");
        }
        if (failed.status() == GroupRunStatus.SUCCEEDED) {
            throw new GroupRunConflictException("Group run " + groupRunId + " succeeded; there is nothing to retry.");
        }
        Map<String, String> carried = new HashMap<>(failed.carriedOver());
        runStore.runsOfGroupRun(groupRunId).stream()
                .filter(r -> r.getStatus() == RunStatus.SUCCEEDED)
                .forEach(r -> carried.put(r.getPipeline(), r.getRunId()));
        String id = UUID.randomUUID().toString();
        return begin(
                group(failed.group()),
                new GroupRun(
                        id,
                        "retry:" + groupRunId,
                        failed.group(),
                        "retry",
                        GroupRunStatus.RUNNING,
                        clock.instant(),
                        null,
                        groupRunId,
                        Map.copyOf(carried)));
    }

    /** Called from the run-outcome route for every run; only runs of a group run matter here. */
    public void runEnded(Run run) {
        // a skipped run was decided by advance itself, which already looked past it
        if (run.getGroupRunId() != null && run.getStatus() != RunStatus.SKIPPED) {
            advance(run.getGroupRunId());
        }
    }

    /** After a restart: decide again for every group run left open, as if its last member had just ended. */
    public void resumeRunning() {
        groupStore.running().forEach(g -> advance(g.groupRunId()));
    }

    public GroupRunView view(String groupRunId) {
        GroupRun groupRun = find(groupRunId);
        return GroupRunView.of(group(groupRun.group()), groupRun, runStore.runsOfGroupRun(groupRunId));
    }

    /** The latest group run of this group, if it ever ran. */
    public GroupRunView latestView(PipelineGroup group) {
        return groupStore
                .latestOf(group.name())
                .map(g -> GroupRunView.of(group, g, runStore.runsOfGroupRun(g.groupRunId())))
                .orElse(null);
    }

    private Started begin(PipelineGroup group, GroupRun groupRun) {
        GroupRun stored = groupStore.insertOrGetExisting(groupRun);
        boolean created = stored.groupRunId().equals(groupRun.groupRunId());
        if (created) {
            LOG.info(
                    "Group {}: group run {} started ({}), order {}, at most {} at a time",
                    group.name(),
                    stored.groupRunId(),
                    stored.trigger(),
                    group.order(),
                    group.concurrency());
            advance(stored.groupRunId());
        } else {
            LOG.info(
                    "Request {} was already accepted as group run {}; not starting another",
                    groupRun.requestId(),
                    stored.groupRunId());
        }
        return new Started(stored, created);
    }

    /** One decision over the stored state: skip what is blocked, start what is ready, close when all ended. */
    private synchronized void advance(String groupRunId) {
        GroupRun groupRun = groupStore.find(groupRunId).orElseThrow();
        if (!groupRun.isRunning()) {
            return;
        }
        PipelineGroup group = catalog.findGroup(groupRun.group()).orElse(null);
        if (group == null) {
            LOG.warn(
                    "Group run {} belongs to group '{}', which is no longer configured; ending it as failed",
                    groupRunId,
                    groupRun.group());
            groupStore.close(groupRunId, GroupRunStatus.FAILED, clock.instant());
            return;
        }
        GroupProgress.Decision decision =
                new GroupProgress(group, groupRun.carriedOver(), runStore.runsOfGroupRun(groupRunId)).decide();
        List<Run> skipped = decision.toSkip().stream()
                .map(skip -> recordSkipped(groupRunId, skip))
                .flatMap(Optional::stream)
                .toList();
        for (String pipeline : decision.toStart()) {
            requests.acceptForGroup(
                    RunRequest.forPipeline(pipeline, memberRequestId(groupRunId, pipeline), null, "group"), groupRunId);
        }
        if (decision.finished()) {
            GroupRunStatus status = decision.allSucceeded() ? GroupRunStatus.SUCCEEDED : GroupRunStatus.FAILED;
            if (groupStore.close(groupRunId, status, clock.instant())) {
                GroupRunView summary = view(groupRunId);
                if (status == GroupRunStatus.SUCCEEDED) {
                    LOG.info("{}", summary.asText());
                } else {
                    LOG.warn("{}", summary.asText());
                }
                producer.sendBody("direct:group-run-outcome", summary);
            }
        }
        // outcome events go out once the decision is stored, so their listeners see a consistent group run
        skipped.forEach(run -> producer.sendBody("direct:run-outcome", run));
    }

    /** The skipped run, unless another decision recorded this pipeline first. */
    private Optional<Run> recordSkipped(String groupRunId, GroupProgress.Skip skip) {
        Pipeline pipeline = catalog.find(skip.pipeline()).orElseThrow();
        Run run = new Run();
        run.setRunId(UUID.randomUUID().toString());
        run.setRequestId(memberRequestId(groupRunId, skip.pipeline()));
        run.setPipeline(pipeline.name());
        run.setConnectionName(pipeline.connectionName());
        run.setJobType(pipeline.jobType().wireName());
        run.setTrigger("group");
        run.setStatus(RunStatus.SKIPPED);
        run.setStartedAt(clock.instant());
        run.setEndedAt(run.getStartedAt());
        run.setError(skip.reason());
        run.setGroupRunId(groupRunId);
        Run stored = runStore.insertOrGetExisting(run);
        return stored.getRunId().equals(run.getRunId()) ? Optional.of(stored) : Optional.empty();
    }

    private static String memberRequestId(String groupRunId, String pipeline) {
        return "group:" + groupRunId + ":" + pipeline;
    }

    private PipelineGroup group(String name) {
        return catalog.findGroup(name)
                .orElseThrow(() -> new NotFoundException(
                        "No group is named '" + name + "'; known groups: " + catalog.groupNamesForHumans() + "."));
    }

    private GroupRun find(String groupRunId) {
        return groupStore
                .find(groupRunId)
                .orElseThrow(() -> new NotFoundException("No group run has id '" + groupRunId
                        + "'; use the groupRunId that POST /api/groups/{name}/runs returned."));
    }
}
