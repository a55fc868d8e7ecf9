package org.camelbyte.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camelbyte.airbyte.Durations;
import org.camelbyte.airbyte.JobType;
import org.camelbyte.poststep.PostSyncConfigException;
import org.camelbyte.poststep.PostSyncSpec;

/**
 * Reads and validates config/pipelines.yaml. Every problem is reported at start-up in one sentence naming
 * the file, the pipeline and the key, so a broken file never half-starts the app.
 */
public final class PipelinesFile {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Set<String> PIPELINE_KEYS = Set.of(
            "name",
            "connection",
            "jobType",
            "pollInterval",
            "timeout",
            "cancelOnTimeout",
            "schedule",
            "dependsOn",
            "postSync",
            "logicalConnection",
            "watchdog");

    private final String file;
    private final Map<String, Object> defaults;
    private final ConnectionNaming naming;

    private PipelinesFile(String file, Map<String, Object> defaults, ConnectionNaming naming) {
        this.file = file;
        this.defaults = defaults;
        this.naming = naming;
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

    @SuppressWarnings("unchecked")
    public static PipelineCatalog parse(String file, String yaml, ConnectionNaming naming) {
        Map<String, Object> root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
        } catch (IOException e) {
            throw new PipelineConfigException(
                    file + " is not valid YAML (" + firstLine(e.getMessage()) + "); fix the syntax at that line.");
        }
        if (root == null) {
            root = Map.of();
        }
        Map<String, Object> defaults = root.get("defaults") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Object list = root.getOrDefault("pipelines", List.of());
        if (!(list instanceof List<?> entries)) {
            throw new PipelineConfigException(file + ": key 'pipelines' must be a list of pipelines.");
        }
        PipelinesFile reader = new PipelinesFile(file, defaults, naming);
        List<Pipeline> pipelines = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new PipelineConfigException(
                        file + ": pipeline #" + (i + 1) + " must be a map with at least name and connection.");
            }
            Pipeline p = reader.pipeline((Map<String, Object>) entry, i);
            if (p.name().equals(PipelineCatalog.ADHOC)) {
                throw new PipelineConfigException(file + ": pipeline name '" + PipelineCatalog.ADHOC
                        + "' is reserved for queue requests that name only a connection; choose another name.");
            }
            if (!names.add(p.name())) {
                throw new PipelineConfigException(
                        file + ": pipeline name '" + p.name() + "' is used twice; names must be unique.");
            }
            pipelines.add(p);
        }
        Map<String, Object> adhoc = new LinkedHashMap<>();
        adhoc.put("name", PipelineCatalog.ADHOC);
        adhoc.put("connection", "(named by each request)");
        PipelineGraph graph = PipelineGraph.of(file, pipelines);
        List<PipelineGroup> groups = GroupsSection.parse(file, root.get("groups"), List.copyOf(names), graph);
        return new PipelineCatalog(pipelines, reader.pipeline(adhoc, entries.size()), groups);
    }

    private Pipeline pipeline(Map<String, Object> entry, int index) {
        Object rawName = entry.get("name");
        if (!(rawName instanceof String name) || !NAME.matcher(name).matches()) {
            throw new PipelineConfigException(file + ": pipeline #" + (index + 1) + " has name '" + rawName
                    + "'; a name is 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
        }
        for (String key : entry.keySet()) {
            if (!PIPELINE_KEYS.contains(key)) {
                throw new PipelineConfigException(
                        where(name, key) + " is not a known key; use one of " + new TreeSet<>(PIPELINE_KEYS) + ".");
            }
        }
        String connection = connection(name, entry);
        JobType jobType;
        try {
            jobType = JobType.parse(string(name, entry, "jobType", "sync"));
        } catch (IllegalArgumentException e) {
            throw new PipelineConfigException(where(name, "jobType") + ": " + e.getMessage());
        }
        Duration poll = duration(name, entry, "pollInterval", "10s");
        Duration timeout = duration(name, entry, "timeout", "6h");
        if (poll.isZero() || poll.isNegative() || timeout.compareTo(poll) < 0) {
            throw new PipelineConfigException(
                    where(name, "pollInterval") + " must be positive and shorter than timeout.");
        }
        boolean cancel = bool(name, entry, "cancelOnTimeout", true);
        WatchdogSection.Parsed watchdog =
                WatchdogSection.parse(where(name, "watchdog"), defaults.get("watchdog"), entry.get("watchdog"));
        if (watchdog.cancelOnTimeout() != null) {
            cancel = watchdog.cancelOnTimeout();
        }
        return new Pipeline(
                name,
                connection,
                jobType,
                poll,
                timeout,
                cancel,
                ScheduleSection.parse(entry.get("schedule"), ScheduleSection.Owner.PIPELINE, key -> where(name, key)),
                dependsOn(name, entry.get("dependsOn")),
                postSync(name, entry.get("postSync")),
                watchdog.watchdog());
    }

    /** The Airbyte connection's name: given in full, or completed from a logical name by the environment. */
    private String connection(String name, Map<String, Object> entry) {
        String full = string(name, entry, "connection", null);
        String logical = entry.containsKey("logicalConnection") ? string(name, entry, "logicalConnection", null) : null;
        if (full != null && logical != null) {
            throw new PipelineConfigException(
                    where(name, "logicalConnection") + " is given together with 'connection';"
                            + " keep connection for a full Airbyte name or logicalConnection for a name the environment completes.");
        }
        if (logical != null) {
            return naming.resolve(logical)
                    .orElseThrow(() -> new PipelineConfigException(where(name, "logicalConnection")
                            + " is '" + logical + "', which needs an environment to become an Airbyte connection name;"
                            + " set pipelines.environment or camel.main.profile."));
        }
        if (full == null) {
            throw new PipelineConfigException(
                    where(name, "connection") + " is missing; give the Airbyte connection's name"
                            + " (GET /api/connections lists them), or a logicalConnection.");
        }
        return full;
    }

    private List<String> dependsOn(String name, Object raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        if (raw instanceof String single) {
            result.add(single);
        } else if (raw instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        } else {
            throw new PipelineConfigException(where(name, "dependsOn") + " must be a pipeline name or a list of them.");
        }
        return List.copyOf(result);
    }

    @SuppressWarnings("unchecked")
    private PostSyncSpec postSync(String name, Object raw) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw new PipelineConfigException(
                    where(name, "postSync") + " must be a map with dataSource, analyze and checks.");
        }
        try {
            return PostSyncSpec.parse(name, (Map<String, Object>) m);
        } catch (PostSyncConfigException e) {
            throw new PipelineConfigException(file + ": " + e.getMessage());
        }
    }

    private String string(String name, Map<String, Object> entry, String key, String fallback) {
        Object v = entry.containsKey(key) ? entry.get(key) : defaults.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map || v instanceof List) {
            throw new PipelineConfigException(where(name, key) + " must be a text value.");
        }
        return String.valueOf(v);
    }

    private Duration duration(String name, Map<String, Object> entry, String key, String fallback) {
        String text = string(name, entry, key, fallback);
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PipelineConfigException(where(name, key) + ": " + e.getMessage());
        }
    }

    private boolean bool(String name, Map<String, Object> entry, String key, boolean fallback) {
        String text = string(name, entry, key, String.valueOf(fallback));
        if (!text.equals("true") && !text.equals("false")) {
            throw new PipelineConfigException(where(name, key) + " is '" + text + "'; use true or false.");
        }
        return Boolean.parseBoolean(text);
    }

    private String where(String pipeline, String key) {
        return file + ": pipeline '" + pipeline + "', key '" + key + "'";
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
