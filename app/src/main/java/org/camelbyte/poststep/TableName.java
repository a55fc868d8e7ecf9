package org.camelbyte.poststep;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table, optionally in a schema, whose parts are plain identifiers. Validation happens here so that
 * a name that reaches SQL can never carry quotes, semicolons or comments, whatever the dialect.
 */
public record TableName(String schema, String name) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public TableName {
        if (schema != null && !isIdentifier(schema)) {
            throw new IllegalArgumentException("'" + schema + "' is not a valid schema name: " + IDENTIFIER_RULE);
        }
        if (name == null || !isIdentifier(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid table name: " + IDENTIFIER_RULE);
        }
    }

    /** What a valid identifier looks like, worded for error messages. */
    public static final String IDENTIFIER_RULE =
            "a letter or underscore, then letters, digits or underscores (at most 128)";

    /** Parses {@code table} or {@code schema.table}. */
    public static TableName parse(String qualified) {
        Objects.requireNonNull(qualified, "table name");
        int dot = qualified.indexOf('.');
        if (dot < 0) {
            return new TableName(null, qualified);
        }
        return new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    public static boolean isIdentifier(String candidate) {
        return candidate != null && IDENTIFIER.matcher(candidate).matches();
    }

    public static boolean isQualifiedName(String candidate) {
        if (candidate == null) {
            return false;
        }
        int dot = candidate.indexOf('.');
        return dot < 0
                ? isIdentifier(candidate)
                : isIdentifier(candidate.substring(0, dot)) && isIdentifier(candidate.substring(dot + 1));
    }

    /** {@code schema.table}, or just {@code table}; the key used for row counts across runs. */
    public String qualified() {
        return schema == null ? name : schema + "." + name;
    }

    /** The name as the dialect quotes it, keeping the exact case written here. */
    public String quoted(Dialect dialect) {
        return schema == null ? dialect.quote(name) : dialect.quote(schema) + "." + dialect.quote(name);
    }

    @Override
    public String toString() {
        return qualified();
    }
}
