package org.camelbyte.poststep;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** One kind of data-quality check. Implementations hold their parameters and build SQL only from validated names. */
public interface QualityCheck {

    /** The YAML {@code type}, e.g. {@code not_null}. */
    String kind();

    /** The table checked, if the check reads one. */
    Optional<TableName> checkedTable();

    /** The name used when the config gives none, e.g. {@code not_null(orders.customer_id)}. */
    String defaultName();

    /** What passing means, in words, e.g. {@code at least 1 row}. */
    String expectation();

    /**
     * Runs the check.
     *
     * @throws MissingObjectException when the table or a column it names does not exist
     * @throws SQLException when the database fails or the statement times out
     */
    Observation observe(CheckSession session, CheckContext context) throws SQLException, MissingObjectException;

    /** {@code kind(table.col1,col2)}, the naming shared by the column checks. */
    static String nameOf(String kind, TableName table, List<String> columns) {
        String suffix = columns.isEmpty() ? "" : "." + String.join(",", columns);
        return kind + "(" + table.name() + suffix + ")";
    }
}
