package org.camelbyte.pipeline;

import java.util.List;

/**
 * Pipelines run together as one group run, in the order their {@code dependsOn} gives (within the group),
 * at most {@code concurrency} at a time. {@code schedule} may be null: then only HTTP or a queue starts it.
 */
public record PipelineGroup(
        String name, List<String> pipelines, int concurrency, Schedule schedule, PipelineGraph graph) {

    /** The group's members, each after everything it depends on. */
    public List<String> order() {
        return graph.topologicalOrder();
    }

    public List<String> upstreamOf(String pipeline) {
        return graph.upstreamOf(pipeline);
    }
}
