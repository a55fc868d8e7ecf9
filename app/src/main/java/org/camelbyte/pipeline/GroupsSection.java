package org.camelbyte.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the {@code groups:} section of pipelines.yaml: each group names its member pipelines; the order
 * between them comes from the members' own {@code dependsOn}.
 */
final class GroupsSection {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Set<String> GROUP_KEYS = Set.of("name", "pipelines", "concurrency", "schedule");
    private static final int DEFAULT_CONCURRENCY = 4;

    private final String file;
    private final PipelineGraph graph;

    private GroupsSection(String file, PipelineGraph graph) {
        this.file = file;
        this.graph = graph;
    }

    @SuppressWarnings("unchecked")
    static List<PipelineGroup> parse(String file, Object raw, List<String> pipelineNames, PipelineGraph graph) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> entries)) {
            throw new PipelineConfigException(file + ": key 'groups' must be a list of groups.");
        }
        GroupsSection reader = new GroupsSection(file, graph);
        List<PipelineGroup> groups = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new PipelineConfigException(
                        file + ": group #" + (i + 1) + " must be a map with name and pipelines.");
            }
            PipelineGroup group = reader.group((Map<String, Object>) entry, i, pipelineNames);
            if (!names.add(group.name())) {
                throw new PipelineConfigException(
                        file + ": group name '" + group.name() + "' is used twice; names must be unique.");
            }
            groups.add(group);
        }
        return List.copyOf(groups);
    }

    private PipelineGroup group(Map<String, Object> entry, int index, List<String> pipelineNames) {
        Object rawName = entry.get("name");
        if (!(rawName instanceof String name) || !NAME.matcher(name).matches()) {
            throw new PipelineConfigException(file + ": group #" + (index + 1) + " has name '" + rawName
                    + "'; a name is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
        }
        for (String key : entry.keySet()) {
            if (!GROUP_KEYS.contains(key)) {
                throw new PipelineConfigException(
                        where(name, key) + " is not a known key; use one of " + new TreeSet<>(GROUP_KEYS) + ".");
            }
        }
        List<String> members = members(name, entry.get("pipelines"), pipelineNames);
        int concurrency = concurrency(name, entry.getOrDefault("concurrency", DEFAULT_CONCURRENCY));
        return new PipelineGroup(
                name,
                members,
                concurrency,
                ScheduleSection.parse(entry.get("schedule"), ScheduleSection.Owner.GROUP, key -> where(name, key)),
                graph.restrictedTo(members));
    }

    private List<String> members(String group, Object raw, List<String> pipelineNames) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw new PipelineConfigException(
                    where(group, "pipelines") + " must be a non-empty list of pipeline names.");
        }
        Set<String> members = new LinkedHashSet<>();
        for (Object item : list) {
            String member = String.valueOf(item);
            if (!pipelineNames.contains(member)) {
                throw new PipelineConfigException(where(group, "pipelines") + " names '" + member
                        + "', which is not a pipeline; known pipelines: " + String.join(", ", pipelineNames) + ".");
            }
            if (!members.add(member)) {
                throw new PipelineConfigException(
                        where(group, "pipelines") + " names '" + member + "' twice; list each pipeline once.");
            }
        }
        return List.copyOf(members);
    }

    private int concurrency(String group, Object raw) {
        if (raw instanceof Integer n && n > 0) {
            return n;
        }
        throw new PipelineConfigException(where(group, "concurrency") + " is '" + raw
                + "'; give how many of its pipelines may sync at the same time, 1 or more.");
    }

    private String where(String group, String key) {
        return file + ": group '" + group + "', key '" + key + "'";
    }
}
