package org.camelbyte.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipelines the app runs, by name, in file order, plus the ad-hoc pipeline (the file's defaults) that
 * runs queue requests naming a connection no pipeline covers; and the groups that run pipelines together.
 */
public class PipelineCatalog {
    public static final String ADHOC = "adhoc";
    private final Map<String, Pipeline> byName = new LinkedHashMap<>();
    /** The first pipeline in file order syncing each connection: every request naming a connection looks here. */
    private final Map<String, Pipeline> byConnection = new HashMap<>();

    private final Pipeline adhoc;
    private final Map<String, PipelineGroup> groups = new LinkedHashMap<>();

    public PipelineCatalog(List<Pipeline> pipelines, Pipeline adhoc, List<PipelineGroup> groups) {
        pipelines.forEach(p -> byName.put(p.name(), p));
        pipelines.forEach(p -> byConnection.putIfAbsent(p.connectionName(), p));
        this.adhoc = adhoc;
        groups.forEach(g -> this.groups.put(g.name(), g));
    }

    public Optional<PipelineGroup> findGroup(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** The groups of pipelines run together in dependency order, in file order. */
    public List<PipelineGroup> groups() {
        return List.copyOf(groups.values());
    }

    /** For an error message: what a caller could have named instead. */
    public String groupNamesForHumans() {
        return groups.isEmpty() ? "none are configured" : String.join(", ", groups.keySet());
    }

    public Optional<Pipeline> find(String name) {
        return ADHOC.equals(name) ? Optional.of(adhoc) : Optional.ofNullable(byName.get(name));
    }

    /** The configured pipeline syncing this connection, else the ad-hoc one. */
    public Pipeline forConnection(String connectionName) {
        return byConnection.getOrDefault(connectionName, adhoc);
    }

    /** The configured pipelines, without the ad-hoc one. */
    public List<Pipeline> all() {
        return List.copyOf(byName.values());
    }

    /** Every pipeline that needs a route, the ad-hoc one included. */
    public List<Pipeline> routed() {
        List<Pipeline> list = new ArrayList<>(byName.values());
        list.add(adhoc);
        return list;
    }

    /** The most eager pipeline's pollInterval, the ad-hoc one included. */
    public Duration shortestPollInterval() {
        return routed().stream()
                .map(Pipeline::pollInterval)
                .min(Duration::compareTo)
                .orElseThrow();
    }

    /** For an error message: what a caller could have named instead. */
    public String namesForHumans() {
        return byName.isEmpty() ? "none are configured" : String.join(", ", byName.keySet());
    }
}
