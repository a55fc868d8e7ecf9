package org.camelbyte.poststep;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The combination of the columns is unique. Rows with a null in any of the columns are left out, as a
 * SQL unique constraint treats nulls as distinct (and dbt's {@code unique} ignores them too).
 */
public record UniqueCheck(TableName table, List<String> columns) implements QualityCheck {

    public static final String KIND = "unique";
    static final Set<String> KEYS = Set.of("table", "columns");

    public UniqueCheck {
        columns = List.copyOf(columns);
    }

    static UniqueCheck from(ConfigSection section) {
        return new UniqueCheck(section.table("table"), section.identifiers("columns"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<TableName> checkedTable() {
        return Optional.of(table);
    }

    @Override
    public String defaultName() {
        return QualityCheck.nameOf(KIND, table, columns);
    }

    @Override
    public String expectation() {
        return "each (" + String.join(", ", columns) + ") at most once";
    }

    @Override
    public Observation observe(CheckSession session, CheckContext context) throws SQLException, MissingObjectException {
        List<String> quoted = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        for (String column : columns) {
            String q = session.quotedColumn(table, column);
            quoted.add(q);
            notNull.add(q + " is not null");
        }
        String keys = String.join(", ", quoted);
        String sql = "select count(*) from (select " + keys + " from " + session.quotedTable(table)
                + " where " + String.join(" and ", notNull)
                + " group by " + keys + " having count(*) > 1) duplicated";
        try (PreparedStatement statement = session.prepare(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            long duplicated = result.getLong(1);
            return new Observation(
                    duplicated == 0
                            ? "no duplicates"
                            : duplicated + " values of (" + String.join(", ", columns) + ") appear more than once",
                    duplicated == 0);
        }
    }
}
