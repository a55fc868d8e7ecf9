package org.camelbyte.poststep;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The table holds between {@code min} and {@code max} rows; with neither given, at least one row. */
public record RowCountCheck(TableName table, OptionalLong min, OptionalLong max) implements QualityCheck {

    public static final String KIND = "row_count";
    static final Set<String> KEYS = Set.of("table", "min", "max");

    public RowCountCheck {
        if (min.isEmpty() && max.isEmpty()) {
            min = OptionalLong.of(1);
        }
    }

    static RowCountCheck from(ConfigSection section) {
        RowCountCheck check =
                new RowCountCheck(section.table("table"), section.wholeNumber("min", 0), section.wholeNumber("max", 0));
        if (check.min().isPresent()
                && check.max().isPresent()
                && check.min().getAsLong() > check.max().getAsLong()) {
            throw section.invalid("max", "at least min (" + check.min().getAsLong() + ")");
        }
        return check;
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
        return QualityCheck.nameOf(KIND, table, List.of());
    }

    @Override
    public String expectation() {
        if (min.isPresent() && max.isPresent()) {
            return "between " + min.getAsLong() + " and " + max.getAsLong() + " rows";
        }
        return min.isPresent() ? "at least " + min.getAsLong() + " rows" : "at most " + max.getAsLong() + " rows";
    }

    @Override
    public Observation observe(CheckSession session, CheckContext context) throws SQLException, MissingObjectException {
        long rows = session.rowCount(table);
        boolean passed = (min.isEmpty() || rows >= min.getAsLong()) && (max.isEmpty() || rows <= max.getAsLong());
        return new Observation(rows + " rows", passed);
    }
}
