package org.camelbyte.poststep;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds tables and columns through JDBC metadata before any statement names them, so a missing one gives
 * a clear sentence instead of a driver error, and so the name is quoted in the case the database stored
 * it: PostgreSQL folds unquoted names to lower case, H2 to upper case, and config may be written either way.
 */
final class SchemaLookup {

    private final Connection connection;
    private final Dialect dialect;
    private final Map<TableName, Optional<TableName>> tables = new HashMap<>();
    private final Map<TableName, List<String>> columns = new HashMap<>();

    SchemaLookup(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The table as the database stores it, with its schema filled in when the config left it out. */
    Optional<TableName> findTable(TableName wanted) throws SQLException {
        Optional<TableName> known = tables.get(wanted);
        if (known != null) {
            return known;
        }
        String schema = wanted.schema() != null ? wanted.schema() : defaultSchema();
        Optional<TableName> found = Optional.empty();
        for (List<String> candidate : caseVariants(schema, wanted.name())) {
            found = find(candidate.get(0), candidate.get(1));
            if (found.isPresent()) {
                break;
            }
        }
        tables.put(wanted, found);
        return found;
    }

    /** The column as the database stores it; {@code table} must come from {@link #findTable}. */
    Optional<String> findColumn(TableName table, String column) throws SQLException {
        List<String> names = columns.get(table);
        if (names == null) {
            names = columnsOf(table);
            columns.put(table, names);
        }
        if (names.contains(column)) {
            return Optional.of(column);
        }
        List<String> sameIgnoringCase =
                names.stream().filter(column::equalsIgnoreCase).toList();
        return sameIgnoringCase.size() == 1 ? Optional.of(sameIgnoringCase.get(0)) : Optional.empty();
    }

    /** (schema, name) as written, then lower case, then upper case; the schema may be null. */
    private static Set<List<String>> caseVariants(String schema, String name) {
        Set<List<String>> variants = new LinkedHashSet<>();
        variants.add(Arrays.asList(schema, name));
        variants.add(Arrays.asList(lower(schema), lower(name)));
        variants.add(Arrays.asList(upper(schema), upper(name)));
        return variants;
    }

    private Optional<TableName> find(String schema, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String escape = metaData.getSearchStringEscape();
        String catalog = dialect.schemaIsCatalog() ? schema : null;
        String schemaPattern = dialect.schemaIsCatalog() || schema == null ? null : escaped(schema, escape);
        try (ResultSet rows = metaData.getTables(catalog, schemaPattern, escaped(name, escape), null)) {
            while (rows.next()) {
                String actualName = rows.getString("TABLE_NAME");
                String actualSchema = rows.getString(dialect.schemaIsCatalog() ? "TABLE_CAT" : "TABLE_SCHEM");
                // patterns are only a pre-filter: some drivers ignore the escape, so compare exactly
                if (name.equals(actualName) && (schema == null || schema.equals(actualSchema))) {
                    return Optional.of(new TableName(actualSchema, actualName));
                }
            }
        }
        return Optional.empty();
    }

    private List<String> columnsOf(TableName table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String escape = metaData.getSearchStringEscape();
        String catalog = dialect.schemaIsCatalog() ? table.schema() : null;
        String schemaPattern =
                dialect.schemaIsCatalog() || table.schema() == null ? null : escaped(table.schema(), escape);
        List<String> names = new ArrayList<>();
        try (ResultSet rows = metaData.getColumns(catalog, schemaPattern, escaped(table.name(), escape), "%")) {
            while (rows.next()) {
                if (table.name().equals(rows.getString("TABLE_NAME"))) {
                    names.add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return names;
    }

    private String defaultSchema() throws SQLException {
        try {
            return dialect.schemaIsCatalog() ? connection.getCatalog() : connection.getSchema();
        } catch (SQLFeatureNotSupportedException | AbstractMethodError notKnown) {
            return null;
        }
    }

    private static String escaped(String identifier, String escape) {
        if (escape == null || escape.isEmpty()) {
            return identifier;
        }
        return identifier
                .replace(escape, escape + escape)
                .replace("_", escape + "_")
                .replace("%", escape + "%");
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
