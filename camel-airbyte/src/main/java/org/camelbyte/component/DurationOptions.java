package org.camelbyte.component;

import java.util.List;
import java.util.Map;
import org.camelbyte.airbyte.Durations;

/**
 * Reads an endpoint URI's duration options before Camel binds them: Camel's converter reads a text that is no
 * duration ({@code often}) as zero, where the route should be refused naming the option.
 */
final class DurationOptions {
    static final List<String> NAMES =
            List.of("pollInterval", "timeout", "requestTimeout", "connectTimeout", "lookupCacheTtl");

    private DurationOptions() {}

    /** Replaces each duration written as text by the duration it means; a bean reference is Camel's to bind. */
    static void read(Map<String, Object> parameters) {
        for (String name : NAMES) {
            if (parameters.get(name) instanceof String text && !text.startsWith("#")) {
                parameters.put(
                        name,
                        Durations.tryParse(text)
                                .orElseThrow(() -> new IllegalArgumentException("The airbyte option " + name + " is '"
                                        + text + "', not a duration; write it as 500ms, 30s, 10m, 1h30m, 1d or"
                                        + " PT10M.")));
            }
        }
    }
}
