package org.camelbyte.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camelbyte.pipeline.PipelineGroup;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;

/**
 * Where a group run stands, from its pipelines' runs alone (so a restarted app decides exactly as the
 * stopped one would have), and what it does next.
 */
public final class GroupProgress {
    private final PipelineGroup group;
    private final Map<String, RunStatus> status = new HashMap<>();

    public GroupProgress(PipelineGroup group, Map<String, String> carriedOver, List<Run> runs) {
        this.group = group;
        carriedOver.keySet().forEach(p -> status.put(p, RunStatus.SUCCEEDED));
        runs.forEach(r -> status.put(r.getPipeline(), r.getStatus()));
    }

    /** A pipeline that cannot run because an upstream did not succeed: named after the upstream that ended it. */
    public record Skip(String pipeline, String failedUpstream, RunStatus upstreamStatus, String through) {
        public String reason() {
            return "Skipped because upstream pipeline '" + failedUpstream + "' "
                    + upstreamStatus.wireName().replace('_', ' ')
                    + (through.equals(failedUpstream) ? "" : " (through '" + through + "')") + ".";
        }
    }

    public record Decision(List<String> toStart, List<Skip> toSkip, boolean finished, boolean allSucceeded) {}

    /**
     * Walks the group in dependency order: a pipeline behind a failed, timed-out, cancelled or skipped upstream
     * is skipped; one whose upstreams all succeeded starts, while fewer than {@code concurrency} are going.
     */
    public Decision decide() {
        List<String> toStart = new ArrayList<>();
        List<Skip> toSkip = new ArrayList<>();
        long going = status.values().stream().filter(s -> !s.isFinal()).count();
        for (String pipeline : group.order()) {
            if (status.containsKey(pipeline)) {
                continue;
            }
            Optional<Skip> skip = blocker(pipeline);
            if (skip.isPresent()) {
                toSkip.add(skip.get());
                status.put(pipeline, RunStatus.SKIPPED);
            } else if (upstreamsSucceeded(pipeline) && going < group.concurrency()) {
                toStart.add(pipeline);
                status.put(pipeline, RunStatus.QUEUED);
                going++;
            }
        }
        boolean finished = group.pipelines().stream()
                .allMatch(p -> status.containsKey(p) && status.get(p).isFinal());
        boolean allSucceeded = group.pipelines().stream().allMatch(p -> status.get(p) == RunStatus.SUCCEEDED);
        return new Decision(toStart, toSkip, finished, allSucceeded);
    }

    /** Why this pipeline cannot run, if an upstream (or one further up) ended without success. */
    public Optional<Skip> blocker(String pipeline) {
        for (String upstream : group.upstreamOf(pipeline)) {
            RunStatus s = status.get(upstream);
            if (s == RunStatus.SKIPPED) {
                Optional<Skip> further = blocker(upstream);
                if (further.isPresent()) {
                    return Optional.of(new Skip(
                            pipeline,
                            further.get().failedUpstream(),
                            further.get().upstreamStatus(),
                            upstream));
                }
            } else if (s != null && s.isFinal() && s != RunStatus.SUCCEEDED) {
                return Optional.of(new Skip(pipeline, upstream, s, upstream));
            }
        }
        return Optional.empty();
    }

    private boolean upstreamsSucceeded(String pipeline) {
        return group.upstreamOf(pipeline).stream().allMatch(u -> status.get(u) == RunStatus.SUCCEEDED);
    }
}
