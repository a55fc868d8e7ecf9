package org.camelbyte.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads and validates config/pipelines.yaml into the {@link PipelineCatalog}. Every problem is reported at
 * start-up in one sentence naming the file, the pipeline or group and the key, so a broken file never
 * half-starts the app.
 */
public final class PipelinesFile {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private PipelinesFile() {}

    /** A pipeline's or a group's entry. */
    interface Named {
        String name();
    }

    public static PipelineCatalog load(Path path) {
        return load(path, ConnectionNaming.withoutEnvironment());
    }

    public static PipelineCatalog load(Path path, ConnectionNaming naming) {
        if (!Files.isReadable(path)) {
            throw new PipelineConfigException("Pipelines file " + path + " does not exist or cannot be read;"
                    + " create it or set pipelines.file to its path.");
        }
        try {
            return parse(path.toString(), Files.readString(path), naming);
        } catch (IOException e) {
            throw new PipelineConfigException("Pipelines file " + path + " cannot be read: " + e.getMessage());
        }
    }

    public static PipelineCatalog parse(String file, String yaml) {
        return parse(file, yaml, ConnectionNaming.withoutEnvironment());
    }

    public static PipelineCatalog parse(String file, String yaml, ConnectionNaming naming) {
        PipelinesDocument document = PipelinesMapping.read(file, yaml);
        // first, so that a bad default is reported under defaults, not under the first pipeline using it
        Pipeline adhoc = document.defaults().adhocPipeline().toPipeline(Where.defaults(file), naming);
        Set<String> names = new LinkedHashSet<>();
        List<Pipeline> pipelines =
                each(file, "pipeline", document.pipelines(), PipelineEntry.SHAPE, names, (entry, where) -> {
                    if (entry.name().equals(PipelineCatalog.ADHOC)) {
                        throw new PipelineConfigException(file + ": pipeline name '" + PipelineCatalog.ADHOC
                                + "' is reserved for queue requests that name only a connection; choose another"
                                + " name.");
                    }
                    return entry.withDefaults(document.defaults()).toPipeline(where, naming);
                });
        PipelineGraph graph = PipelineGraph.of(file, pipelines);
        List<String> pipelineNames = List.copyOf(names);
        List<PipelineGroup> groups = each(
                file,
                "group",
                document.groups(),
                GroupEntry.SHAPE,
                new LinkedHashSet<>(),
                (entry, where) -> entry.toGroup(where, pipelineNames, graph));
        return new PipelineCatalog(pipelines, adhoc, groups);
    }

    /** Each entry of a list of pipelines or groups, with a valid name used once, as {@code convert} makes it. */
    private static <E extends Named, T> List<T> each(
            String file,
            String kind,
            List<E> entries,
            String shape,
            Set<String> names,
            BiFunction<E, Where, T> convert) {
        List<T> result = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            E entry = entries.get(i);
            if (entry == null) {
                throw Where.owner(file, kind + " #" + (i + 1)).mustBe("", shape);
            }
            String name = uniqueName(file, kind, i, entry.name(), names);
            result.add(convert.apply(entry, Where.owner(file, kind + " '" + name + "'")));
        }
        return result;
    }

    /** A pipeline's or group's name: used in URLs and route ids, and once per kind. */
    private static String uniqueName(String file, String kind, int index, String name, Set<String> seen) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PipelineConfigException(file + ": " + kind + " #" + (index + 1) + " has name '" + name
                    + "'; a name is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
        }
        if (!seen.add(name)) {
            throw new PipelineConfigException(
                    file + ": " + kind + " name '" + name + "' is used twice; names must be unique.");
        }
        return name;
    }
}
