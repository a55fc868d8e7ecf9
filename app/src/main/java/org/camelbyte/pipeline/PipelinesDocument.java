package org.camelbyte.pipeline;

import java.util.List;

/**
 * config/pipelines.yaml as Jackson binds it ({@link PipelinesMapping}): the keys each section accepts and
 * their types. What the values must mean (a valid cron, a known dependency, ...) is checked when the
 * entries become {@link Pipeline}s and {@link PipelineGroup}s ({@link PipelinesFile}).
 */
@WriteAs("a map with defaults, pipelines and groups")
record PipelinesDocument(
        DefaultsEntry defaults,
        @WriteAs("a list of pipelines") List<PipelineEntry> pipelines,
        @WriteAs("a list of groups") List<GroupEntry> groups) {

    PipelinesDocument {
        defaults = defaults == null ? DefaultsEntry.NONE : defaults;
        pipelines = pipelines == null ? List.of() : pipelines;
        groups = groups == null ? List.of() : groups;
    }
}
