package org.camelbyte.poststep;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The row count moved at most {@code maxChangePercent} percent from the previous successful run. Without a
 * usable baseline (first run, or a previous count of zero, against which any change is infinite) it passes
 * and says so.
 */
public record RowCountChangeCheck(TableName table, double maxChangePercent) implements QualityCheck {

    public static final String KIND = "row_count_change";
    static final Set<String> KEYS = Set.of("table", "maxChangePercent");

    static RowCountChangeCheck from(ConfigSection section) {
        return new RowCountChangeCheck(
                section.table("table"),
                section.number("maxChangePercent", 0)
                        .orElseThrow(
                                () -> section.invalid("maxChangePercent", "a number of at least 0, like 50 for 50%")));
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
        return "within " + percent(maxChangePercent) + " of the previous successful run's row count";
    }

    @Override
    public Observation observe(CheckSession session, CheckContext context) throws SQLException, MissingObjectException {
        long now = session.rowCount(table);
        OptionalLong previous = context.previousRowCount(table);
        if (previous.isEmpty()) {
            return new Observation(now + " rows; first run, no previous count to compare", true);
        }
        long before = previous.getAsLong();
        if (before == 0) {
            return new Observation(now + " rows; previous count was 0, no percentage to compare", true);
        }
        double change = (now - before) * 100.0 / before;
        String sign = change >= 0 ? "+" : "";
        return new Observation(
                now + " rows vs " + before + " previously (" + sign + percent(change) + ")",
                Math.abs(change) <= maxChangePercent);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }
}
