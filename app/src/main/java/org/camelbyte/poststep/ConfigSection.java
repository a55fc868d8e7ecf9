package org.camelbyte.poststep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.camelbyte.airbyte.Durations;

/**
 * A map from parsed YAML, read with the pipeline name and key path at hand so every refusal is a
 * sentence that says where to look: pipeline, full key, value found, what was expected.
 */
final class ConfigSection {

    private static final int SHOWN_VALUE_LENGTH = 80;

    private final String pipeline;
    private final String path;
    private final Map<?, ?> values;

    ConfigSection(String pipeline, String path, Map<?, ?> values) {
        this.pipeline = pipeline;
        this.path = path;
        this.values = values;
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    void allowOnly(Set<String> allowed) {
        for (Object key : values.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new PostSyncConfigException("Pipeline '" + pipeline + "' has unknown key " + path + "." + key
                        + "; expected one of " + String.join(", ", new TreeSet<>(allowed)) + ".");
            }
        }
    }

    PostSyncConfigException invalid(String key, String expected) {
        return invalidAt(keyPath(key), values.get(key), expected);
    }

    String text(String key, String expected) {
        return optionalText(key, expected).orElseThrow(() -> invalid(key, expected));
    }

    Optional<String> optionalText(String key, String expected) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!isScalar(value) || value.toString().isBlank()) {
            throw invalid(key, expected);
        }
        return Optional.of(value.toString());
    }

    TableName table(String key) {
        String expected = "a table name like schema.table, each part " + TableName.IDENTIFIER_RULE;
        String value = text(key, expected);
        if (!TableName.isQualifiedName(value)) {
            throw invalid(key, expected);
        }
        return TableName.parse(value);
    }

    /** An optional list of table names; absent means empty. */
    List<TableName> tables(String key) {
        String expected = "a table name like schema.table, each part " + TableName.IDENTIFIER_RULE;
        List<TableName> tables = new ArrayList<>();
        List<?> items = list(key, "a list of table names like [public.orders]", false);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!isScalar(item) || !TableName.isQualifiedName(item.toString())) {
                throw invalidAt(keyPath(key) + "[" + i + "]", item, expected);
            }
            tables.add(TableName.parse(item.toString()));
        }
        return tables;
    }

    String identifier(String key) {
        String expected = "a column name: " + TableName.IDENTIFIER_RULE;
        String value = text(key, expected);
        if (!TableName.isIdentifier(value)) {
            throw invalid(key, expected);
        }
        return value;
    }

    /** A non-empty list of column names; a single name is taken as a list of one. */
    List<String> identifiers(String key) {
        List<String> names = texts(key, "a list of column names like [id, customer_id]");
        for (int i = 0; i < names.size(); i++) {
            if (!TableName.isIdentifier(names.get(i))) {
                throw invalidAt(
                        keyPath(key) + "[" + i + "]", names.get(i), "a column name: " + TableName.IDENTIFIER_RULE);
            }
        }
        return names;
    }

    /** A non-empty list of scalars as text; a single scalar is taken as a list of one. */
    List<String> texts(String key, String expected) {
        List<?> items = list(key, expected, true);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!isScalar(item)) {
                throw invalidAt(keyPath(key) + "[" + i + "]", item, "a single value");
            }
            texts.add(item.toString());
        }
        return texts;
    }

    OptionalLong wholeNumber(String key, long minimum) {
        Object value = values.get(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        String expected = "a whole number of at least " + minimum;
        try {
            long number = value instanceof Number n && !(value instanceof Double || value instanceof Float)
                    ? n.longValue()
                    : Long.parseLong(value.toString().trim());
            if (number < minimum) {
                throw invalid(key, expected);
            }
            return OptionalLong.of(number);
        } catch (NumberFormatException notWhole) {
            throw invalid(key, expected);
        }
    }

    OptionalDouble number(String key, double minimum) {
        Object value = values.get(key);
        if (value == null) {
            return OptionalDouble.empty();
        }
        String expected = "a number of at least " + minimum;
        try {
            double number = value instanceof Number n
                    ? n.doubleValue()
                    : Double.parseDouble(value.toString().trim());
            if (Double.isNaN(number) || number < minimum) {
                throw invalid(key, expected);
            }
            return OptionalDouble.of(number);
        } catch (NumberFormatException notNumber) {
            throw invalid(key, expected);
        }
    }

    /** A positive duration such as {@code 24h}, {@code 30m} or {@code PT24H}. */
    Optional<Duration> duration(String key) {
        String expected = "a positive duration like 24h, 30m, 90s or PT24H";
        return optionalText(key, expected)
                .map(text -> Durations.tryParse(text)
                        .filter(duration -> !duration.isNegative() && !duration.isZero())
                        .orElseThrow(() -> invalid(key, expected)));
    }

    /** An optional list of maps, each read as its own section; absent means empty. */
    List<ConfigSection> sections(String key) {
        List<?> items = list(key, "a list of maps", false);
        List<ConfigSection> sections = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = keyPath(key) + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> map)) {
                throw invalidAt(itemPath, items.get(i), "a map like { type: row_count, table: public.orders }");
            }
            sections.add(new ConfigSection(pipeline, itemPath, map));
        }
        return sections;
    }

    private List<?> list(String key, String expected, boolean required) {
        Object value = values.get(key);
        if (value == null) {
            if (required) {
                throw invalid(key, expected);
            }
            return List.of();
        }
        if (isScalar(value)) {
            return List.of(value);
        }
        if (!(value instanceof List<?> items) || (required && items.isEmpty())) {
            throw invalid(key, expected);
        }
        return items;
    }

    private PostSyncConfigException invalidAt(String fullKey, Object value, String expected) {
        String found = value == null ? "has no " + fullKey : "has " + fullKey + " = " + show(value);
        return new PostSyncConfigException(
                "Pipeline '" + pipeline + "' " + found + ", but it must be " + expected + ".");
    }

    private String keyPath(String key) {
        return path + "." + key;
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static String show(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > SHOWN_VALUE_LENGTH ? text.substring(0, SHOWN_VALUE_LENGTH) + "…" : text) + "'";
    }
}
