package org.camelbyte.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pipelines the app runs, by name, in file order. */
public class PipelineCatalog {
    private final Map<String, Pipeline> byName = new LinkedHashMap<>();

    public PipelineCatalog(List<Pipeline> pipelines) {
        pipelines.forEach(p -> byName.put(p.name(), p));
    }

    public Optional<Pipeline> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<Pipeline> all() {
        return List.copyOf(byName.values());
    }

    /** For an error message: what a caller could have named instead. */
    public String namesForHumans() {
        return byName.isEmpty() ? "none are configured" : String.join(", ", byName.keySet());
    }
}
