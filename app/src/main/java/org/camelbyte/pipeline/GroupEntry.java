package org.camelbyte.pipeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One entry of the {@code groups:} list; the order between its members comes from their own dependsOn. */
@WriteAs(GroupEntry.SHAPE)
record GroupEntry(
        String name,
        @WriteAs(MEMBERS) List<String> pipelines,
        @WriteAs(CONCURRENCY) Integer concurrency,
        GroupScheduleEntry schedule)
        implements PipelinesFile.Named {

    static final String SHAPE = "a map with name and pipelines";
    private static final String MEMBERS = "a non-empty list of pipeline names";
    private static final String CONCURRENCY =
            "a whole number of 1 or more: how many of its pipelines may sync at the same time";
    private static final int DEFAULT_CONCURRENCY = 4;

    PipelineGroup toGroup(Where where, List<String> pipelineNames, PipelineGraph graph) {
        List<String> members = members(where, pipelineNames);
        int atOnce = concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
        if (atOnce < 1) {
            throw where.is("concurrency", atOnce, CONCURRENCY);
        }
        return new PipelineGroup(
                name,
                members,
                atOnce,
                schedule == null ? null : schedule.toSchedule(where),
                graph.restrictedTo(members));
    }

    private List<String> members(Where where, List<String> pipelineNames) {
        if (pipelines == null || pipelines.isEmpty()) {
            throw where.mustBe("pipelines", MEMBERS);
        }
        Set<String> members = new LinkedHashSet<>();
        for (String member : pipelines) {
            if (!pipelineNames.contains(member)) {
                throw where.problem(
                        "pipelines",
                        "names '" + member + "', which is not a pipeline; known pipelines: "
                                + String.join(", ", pipelineNames) + ".");
            }
            if (!members.add(member)) {
                throw where.problem("pipelines", "names '" + member + "' twice; list each pipeline once.");
            }
        }
        return List.copyOf(members);
    }
}
