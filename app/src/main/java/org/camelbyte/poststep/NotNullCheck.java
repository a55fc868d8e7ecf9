package org.camelbyte.poststep;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** None of the columns holds a null; one scan counts the nulls of every column. */
public record NotNullCheck(TableName table, List<String> columns) implements QualityCheck {

    public static final String KIND = "not_null";
    static final Set<String> KEYS = Set.of("table", "columns");

    public NotNullCheck {
        columns = List.copyOf(columns);
    }

    static NotNullCheck from(ConfigSection section) {
        return new NotNullCheck(section.table("table"), section.identifiers("columns"));
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
        return "no nulls in " + String.join(", ", columns);
    }

    @Override
    public Observation observe(CheckSession session, CheckContext context) throws SQLException, MissingObjectException {
        List<String> counts = new ArrayList<>();
        for (String column : columns) {
            counts.add("sum(case when " + session.quotedColumn(table, column) + " is null then 1 else 0 end)");
        }
        String sql = "select " + String.join(", ", counts) + " from " + session.quotedTable(table);
        List<String> observed = new ArrayList<>();
        boolean passed = true;
        try (PreparedStatement statement = session.prepare(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            for (int i = 0; i < columns.size(); i++) {
                // sum() over no rows is null: an empty table has no nulls
                long nulls = result.getLong(i + 1);
                passed &= nulls == 0;
                observed.add(columns.get(i) + ": " + nulls + " nulls");
            }
        }
        return new Observation(String.join(", ", observed), passed);
    }
}
