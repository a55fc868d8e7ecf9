package org.camelbyte.pipeline;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Jackson refuses in pipelines.yaml (an unknown key, a value of the wrong kind), as one sentence naming
 * the pipeline or group, the key with its path and what to write: Jackson's own messages name Java classes
 * and offsets, not the file's keys. The path and the value come from the file's tree, what to write from
 * {@link WriteAs} or the key's type.
 */
final class BindingErrors {
    private static final String DURATION = "a duration like 500ms, 30s, 10m, 2h, 1d or PT10M";

    private BindingErrors() {}

    static PipelineConfigException unknownKey(String file, JsonNode tree, UnrecognizedPropertyException e) {
        Located at = locate(file, tree, e.getPath());
        return at.where.problem(at.key, "is not a known key; use " + choice(keysOf(e)) + ".");
    }

    static PipelineConfigException mismatch(String file, JsonNode tree, MismatchedInputException e) {
        List<Reference> path = e.getPath();
        Class<?> type = e.getTargetType();
        if (!path.isEmpty()
                && path.get(path.size() - 1).getIndex() >= 0
                && !nodeAt(tree, path.subList(0, path.size() - 1)).isArray()) {
            // dependsOn: one name stands for a list of one, so Jackson blames item [0] of what is no list
            path = path.subList(0, path.size() - 1);
            type = List.class;
        }
        Located at = locate(file, tree, path);
        String what = hint(path, type);
        JsonNode value = nodeAt(tree, path);
        return value.isValueNode() && !value.isNull()
                ? at.where.is(at.key, value.asText(), what)
                : at.where.mustBe(at.key, what);
    }

    static PipelineConfigException other(String file, JsonNode tree, JsonMappingException e, String what) {
        Located at = locate(file, tree, e.getPath());
        return at.where.problem(at.key, "cannot be read (" + what + ").");
    }

    /** The owner of a path: a pipeline or group by its name (by its place when it has none), else the file. */
    private static Located locate(String file, JsonNode tree, List<Reference> path) {
        String section = path.isEmpty() ? null : path.get(0).getFieldName();
        if (("pipelines".equals(section) || "groups".equals(section))
                && path.size() > 1
                && path.get(1).getIndex() >= 0) {
            int index = path.get(1).getIndex();
            JsonNode name = tree.path(section).path(index).path("name");
            String noun = section.equals("pipelines") ? "pipeline" : "group";
            String owner = name.isTextual() ? noun + " '" + name.asText() + "'" : noun + " #" + (index + 1);
            return new Located(Where.owner(file, owner), keyOf(path.subList(2, path.size())));
        }
        return new Located(Where.top(file), keyOf(path));
    }

    private record Located(Where where, String key) {}

    /** {@code schedule.cron}, {@code dependsOn[1]}. */
    private static String keyOf(List<Reference> path) {
        StringBuilder key = new StringBuilder();
        for (Reference step : path) {
            if (step.getFieldName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(step.getFieldName());
            } else {
                key.append('[').append(step.getIndex()).append(']');
            }
        }
        return key.toString();
    }

    private static JsonNode nodeAt(JsonNode tree, List<Reference> path) {
        JsonNode node = tree;
        for (Reference step : path) {
            node = step.getFieldName() != null ? node.path(step.getFieldName()) : node.path(step.getIndex());
        }
        return node;
    }

    /** What to write: the key's own {@link WriteAs}, else its type's, else one said by the Java type. */
    private static String hint(List<Reference> path, Class<?> type) {
        Optional<String> ofKey = path.isEmpty()
                ? Optional.empty()
                : componentOf(path.get(path.size() - 1))
                        .map(c -> c.getAnnotation(WriteAs.class))
                        .map(WriteAs::value);
        if (ofKey.isPresent()) {
            return ofKey.get();
        }
        if (type == null) {
            // Jackson names no type for a few refusals; the key and the value still say where to look
            return "a value of the kind this key takes (see the README's \"Writing a pipeline\")";
        }
        if (type.isAnnotationPresent(WriteAs.class)) {
            return type.getAnnotation(WriteAs.class).value();
        }
        if (type.isEnum()) {
            return choice(Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .toList());
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Duration.class) {
            return DURATION;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) ? "a map" : "a text value";
    }

    private static Optional<RecordComponent> componentOf(Reference step) {
        Object from = step.getFrom();
        Class<?> owner = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
        if (owner == null || !owner.isRecord() || step.getFieldName() == null) {
            return Optional.empty();
        }
        return Arrays.stream(owner.getRecordComponents())
                .filter(c -> c.getName().equals(step.getFieldName()))
                .findFirst();
    }

    /** The keys where the unknown one stands, in the order the section declares them. */
    private static List<String> keysOf(UnrecognizedPropertyException e) {
        Class<?> type = e.getReferringClass();
        return type.isRecord()
                ? Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList()
                : e.getKnownPropertyIds().stream().map(String::valueOf).toList();
    }

    /** {@code a or b}, {@code a, b or c}. */
    private static String choice(List<String> options) {
        if (options.size() < 2) {
            return String.join("", options);
        }
        return String.join(", ", options.subList(0, options.size() - 1)) + " or " + options.get(options.size() - 1);
    }
}
