package org.camelbyte.poststep;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * A custom query, written by the operator in config, that finds problems: it passes when it returns no
 * rows or a single zero (so both "select the bad rows" and "count the bad rows" styles work). It runs in a
 * read-only transaction; a semicolon inside it is refused at parse time so one check is one statement.
 */
public record SqlCheck(String query) implements QualityCheck {

    public static final String KIND = "sql";
    static final Set<String> KEYS = Set.of("query");
    private static final int ROWS_LOOKED_AT = 2;

    static SqlCheck from(ConfigSection section) {
        String expected = "one SQL query that returns no rows or a single 0, without semicolons";
        String query = section.text("query", expected).strip();
        String withoutTrailing = query.endsWith(";") ? query.substring(0, query.length() - 1) : query;
        if (withoutTrailing.contains(";")) {
            throw section.invalid("query", expected);
        }
        return new SqlCheck(withoutTrailing);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<TableName> checkedTable() {
        return Optional.empty();
    }

    @Override
    public String defaultName() {
        return KIND;
    }

    @Override
    public String expectation() {
        return "no rows, or a single 0";
    }

    @Override
    public Observation observe(CheckSession session, CheckContext context) throws SQLException {
        try (PreparedStatement statement = session.prepare(query)) {
            statement.setMaxRows(ROWS_LOOKED_AT);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return new Observation("no rows", true);
                }
                int columns = result.getMetaData().getColumnCount();
                String first = result.getString(1);
                if (result.next()) {
                    return new Observation("more than one row", false);
                }
                if (columns > 1) {
                    return new Observation("one row of " + columns + " columns", false);
                }
                return new Observation(String.valueOf(first), isZero(first));
            }
        }
    }

    private static boolean isZero(String value) {
        try {
            return value != null && Double.parseDouble(value.trim()) == 0;
        } catch (NumberFormatException notNumeric) {
            return false;
        }
    }
}
