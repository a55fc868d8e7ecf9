package org.camelbyte.component;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an airbyte: endpoint does: the part after the scheme. */
public enum AirbyteOperation {
    CONNECTIONS,
    LOOKUP,
    SYNC,
    JOB,
    CANCEL,
    RUN,
    OUTCOMES;

    static AirbyteOperation parse(String uri, String remaining) {
        try {
            return valueOf(remaining.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Endpoint " + uri + " names no airbyte operation '" + remaining
                    + "'; use one of "
                    + Arrays.stream(values())
                            .map(o -> "airbyte:" + o.wireName())
                            .collect(Collectors.joining(", ")) + ".");
        }
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
