package org.camelbyte.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camelbyte.airbyte.Durations;
import org.camelbyte.pipeline.PipelineGroup;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;

/** A group run and the state of each of its pipelines, in dependency order: the API answer and the summary. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupRunView(
        String groupRunId,
        String requestId,
        String group,
        String trigger,
        String status,
        Instant startedAt,
        Instant endedAt,
        Double durationSeconds,
        String retryOf,
        int concurrency,
        List<NodeView> pipelines) {

    public static GroupRunView of(PipelineGroup group, GroupRun groupRun, List<Run> runs) {
        Map<String, Run> byPipeline =
                runs.stream().collect(Collectors.toMap(Run::getPipeline, Function.identity(), (a, b) -> b));
        GroupProgress progress = new GroupProgress(group, groupRun.carriedOver(), runs);
        List<NodeView> nodes = new ArrayList<>();
        for (String pipeline : group.order()) {
            Run run = byPipeline.get(pipeline);
            List<String> upstream = group.upstreamOf(pipeline);
            if (run != null) {
                String skippedBecause = run.getStatus() == RunStatus.SKIPPED
                        ? progress.blocker(pipeline)
                                .map(GroupProgress.Skip::failedUpstream)
                                .orElse(null)
                        : null;
                nodes.add(new NodeView(
                        pipeline,
                        upstream,
                        run.getStatus().wireName(),
                        run.getRunId(),
                        run.getStartedAt(),
                        run.getEndedAt(),
                        NodeView.seconds(run.getStartedAt(), run.getEndedAt()),
                        run.getRowsSynced(),
                        skippedBecause,
                        null,
                        run.getError()));
            } else if (groupRun.carriedOver().containsKey(pipeline)) {
                nodes.add(new NodeView(
                        pipeline,
                        upstream,
                        RunStatus.SUCCEEDED.wireName(),
                        groupRun.carriedOver().get(pipeline),
                        null,
                        null,
                        null,
                        null,
                        null,
                        true,
                        null));
            } else {
                nodes.add(new NodeView(
                        pipeline, upstream, NodeView.WAITING, null, null, null, null, null, null, null, null));
            }
        }
        return new GroupRunView(
                groupRun.groupRunId(),
                groupRun.requestId(),
                groupRun.group(),
                groupRun.trigger(),
                groupRun.status().wireName(),
                groupRun.startedAt(),
                groupRun.endedAt(),
                NodeView.seconds(groupRun.startedAt(), groupRun.endedAt()),
                groupRun.retryOf(),
                group.concurrency(),
                nodes);
    }

    /** The summary as a table for the log: each pipeline, its status, duration, rows, and why it was skipped. */
    public String asText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "Group %s, run %s: %s in %s (trigger %s%s)%n",
                group,
                groupRunId,
                status,
                formatSeconds(durationSeconds),
                trigger,
                retryOf == null ? "" : ", retry of " + retryOf));
        text.append(String.format(
                Locale.ROOT, "  %-20s %-10s %9s %9s  %s%n", "PIPELINE", "STATUS", "DURATION", "ROWS", "NOTE"));
        for (NodeView node : pipelines) {
            String note = node.skippedBecause() != null || (node.error() != null && !"succeeded".equals(node.status()))
                    ? node.error()
                    : Boolean.TRUE.equals(node.carriedOver())
                            ? "not synced again: succeeded in run " + node.runId()
                            : "";
            text.append(String.format(
                                    Locale.ROOT,
                                    "  %-20s %-10s %9s %9s  %s",
                                    node.pipeline(),
                                    node.status(),
                                    formatSeconds(node.durationSeconds()),
                                    node.rowsSynced() == null ? "-" : node.rowsSynced(),
                                    note)
                            .stripTrailing())
                    .append(System.lineSeparator());
        }
        return text.toString().stripTrailing();
    }

    private static String formatSeconds(Double seconds) {
        return seconds == null ? "-" : Durations.format(Duration.ofMillis(Math.round(seconds * 1000)));
    }
}
