package org.camelbyte.poststep;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Derives destination table names from a sync's streams, the way Airbyte names them. */
public final class TableNames {

    private TableNames() {}

    /**
     * Airbyte writes stream {@code s} to table {@code prefix + s} in the connection's namespace, after
     * normalizing the name: accents dropped, anything but letters, digits and underscore turned into an
     * underscore, lower case, and a leading underscore when the name would start with a digit.
     *
     * @param namespace destination schema; null or blank means the destination's default schema
     */
    public static List<TableName> fromStreams(String namespace, String prefix, List<String> streams) {
        String schema = namespace == null || namespace.isBlank() ? null : normalize(namespace);
        String safePrefix = prefix == null ? "" : prefix;
        return streams.stream()
                .map(stream -> new TableName(schema, normalize(safePrefix + stream)))
                .distinct()
                .toList();
    }

    static String normalize(String raw) {
        String withoutAccents = Normalizer.normalize(raw, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String name = withoutAccents.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
        return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }
}
