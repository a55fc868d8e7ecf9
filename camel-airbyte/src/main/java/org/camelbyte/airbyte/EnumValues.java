package org.camelbyte.airbyte;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads setting values such as {@code client-credentials} into enum constants. */
final class EnumValues {
    private EnumValues() {}

    static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        String normal =
                value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normal)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(what + " '" + value + "' is not one of " + allowed + "; use one of those.");
    }
}
