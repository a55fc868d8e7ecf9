package org.camelbyte.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code dependsOn} edges between pipelines. Built once at start-up, where an unknown dependency or a
 * cycle stops the app with one sentence naming the pipelines; afterwards it answers order and neighbours.
 */
public final class PipelineGraph {
    private final Map<String, List<String>> upstream;

    private PipelineGraph(Map<String, List<String>> upstream) {
        this.upstream = upstream;
    }

    public static PipelineGraph of(String file, List<Pipeline> pipelines) {
        Map<String, List<String>> upstream = new LinkedHashMap<>();
        pipelines.forEach(p -> upstream.put(p.name(), p.dependsOn()));
        for (Pipeline p : pipelines) {
            for (String dependency : p.dependsOn()) {
                if (!upstream.containsKey(dependency)) {
                    throw new PipelineConfigException(file + ": pipeline '" + p.name() + "' depends on '" + dependency
                            + "', which is not a pipeline; known pipelines: " + String.join(", ", upstream.keySet())
                            + ".");
                }
            }
        }
        PipelineGraph graph = new PipelineGraph(upstream);
        graph.findCycle().ifPresent(cycle -> {
            throw new PipelineConfigException(file + ": pipelines " + String.join(" -> ", cycle)
                    + " depend on each other in a cycle; remove one of these dependsOn entries.");
        });
        return graph;
    }

    /** The same graph over only {@code members}: dependencies on pipelines outside them are left out. */
    public PipelineGraph restrictedTo(Collection<String> members) {
        Map<String, List<String>> restricted = new LinkedHashMap<>();
        upstream.forEach((name, deps) -> {
            if (members.contains(name)) {
                restricted.put(name, deps.stream().filter(members::contains).toList());
            }
        });
        return new PipelineGraph(restricted);
    }

    public List<String> upstreamOf(String name) {
        return upstream.getOrDefault(name, List.of());
    }

    /** Every pipeline after all it depends on; pipelines free to go at the same time keep file order. */
    public List<String> topologicalOrder() {
        List<String> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (order.size() < upstream.size()) {
            for (var entry : upstream.entrySet()) {
                if (!placed.contains(entry.getKey()) && placed.containsAll(entry.getValue())) {
                    order.add(entry.getKey());
                    placed.add(entry.getKey());
                    break;
                }
            }
        }
        return order;
    }

    private Optional<List<String>> findCycle() {
        Set<String> done = new HashSet<>();
        for (String start : upstream.keySet()) {
            Optional<List<String>> cycle = walk(start, new ArrayList<>(), done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    /** Depth-first along dependsOn; meeting a pipeline already on the path closes a cycle. */
    private Optional<List<String>> walk(String name, List<String> path, Set<String> done) {
        int seen = path.indexOf(name);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        if (done.contains(name)) {
            return Optional.empty();
        }
        path.add(name);
        for (String dependency : upstreamOf(name)) {
            Optional<List<String>> cycle = walk(dependency, path, done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return Optional.empty();
    }
}
