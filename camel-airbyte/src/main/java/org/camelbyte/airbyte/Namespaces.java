package org.camelbyte.airbyte;

/**
 * Where a connection's tables land. Only a custom format names the schema; with the source's or the
 * destination's default the name is not in the connection, so it stays null.
 */
final class Namespaces {
    private Namespaces() {}

    static String of(String definition, String format) {
        if (definition == null || format == null || format.isBlank()) {
            return null;
        }
        String normal = definition.replace("_", "").toLowerCase();
        return normal.equals("customformat") ? format : null;
    }
}
