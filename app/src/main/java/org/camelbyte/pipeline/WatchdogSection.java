package org.camelbyte.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camelbyte.airbyte.Durations;

/**
 * Reads a pipeline's {@code watchdog} map, on top of the one under {@code defaults}. {@code onTimeout}
 * is here too (cancel | leave) and wins over the older {@code cancelOnTimeout} key when both are given.
 */
final class WatchdogSection {
    private static final Set<String> KEYS = Set.of(
            "pendingFor",
            "noProgressFor",
            "maxIncompleteAttempts",
            "onTimeout",
            "onPendingTooLong",
            "onNoProgress",
            "onTooManyAttempts");

    record Parsed(Watchdog watchdog, Boolean cancelOnTimeout) {}

    private WatchdogSection() {}

    static Parsed parse(String where, Object defaults, Object own) {
        Map<String, Object> map = new LinkedHashMap<>(asMap(where, defaults));
        map.putAll(asMap(where, own));
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new PipelineConfigException(
                        where + ": '" + key + "' is not a known key; use one of " + new TreeSet<>(KEYS) + ".");
            }
        }
        Boolean cancelOnTimeout = null;
        if (map.containsKey("onTimeout")) {
            String value = text(map, "onTimeout");
            if (!value.equals("cancel") && !value.equals("leave")) {
                throw new PipelineConfigException(where + ": onTimeout is '" + value + "'; use cancel or leave.");
            }
            cancelOnTimeout = value.equals("cancel");
        }
        Watchdog watchdog = new Watchdog(
                duration(where, map, "pendingFor"),
                duration(where, map, "noProgressFor"),
                attempts(where, map),
                action(where, map, "onPendingTooLong"),
                action(where, map, "onNoProgress"),
                action(where, map, "onTooManyAttempts"));
        return new Parsed(watchdog, cancelOnTimeout);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String where, Object raw) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw new PipelineConfigException(
                    where + " must be a map such as {noProgressFor: 30m, onNoProgress: cancel}.");
        }
        return (Map<String, Object>) m;
    }

    private static Duration duration(String where, Map<String, Object> map, String key) {
        if (!map.containsKey(key)) {
            return null;
        }
        try {
            Duration d = Durations.parse(text(map, key));
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("it must be positive");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new PipelineConfigException(where + ": " + key + " is '" + map.get(key) + "'; " + e.getMessage());
        }
    }

    private static int attempts(String where, Map<String, Object> map) {
        if (!map.containsKey("maxIncompleteAttempts")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(text(map, "maxIncompleteAttempts"));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new PipelineConfigException(where + ": maxIncompleteAttempts is '" + map.get("maxIncompleteAttempts")
                    + "'; use a whole number of 1 or more.");
        }
    }

    private static Watchdog.Action action(String where, Map<String, Object> map, String key) {
        String value = map.containsKey(key) ? text(map, key) : "warn";
        return switch (value) {
            case "warn" -> Watchdog.Action.WARN;
            case "cancel" -> Watchdog.Action.CANCEL;
            default ->
                throw new PipelineConfigException(where + ": " + key + " is '" + value + "'; use warn or cancel.");
        };
    }

    private static String text(Map<String, Object> map, String key) {
        return String.valueOf(map.get(key)).trim().toLowerCase(Locale.ROOT);
    }
}
