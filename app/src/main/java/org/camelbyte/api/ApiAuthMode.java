package org.camelbyte.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How callers of the HTTP API prove who they are ({@code api.auth}). */
public enum ApiAuthMode {
    BEARER,
    BASIC,
    NONE;

    public static ApiAuthMode parse(String value) {
        String normal = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.name().equals(normal))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("expected one of "
                        + Arrays.stream(values())
                                .map(mode -> mode.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))
                        + "."));
    }
}
