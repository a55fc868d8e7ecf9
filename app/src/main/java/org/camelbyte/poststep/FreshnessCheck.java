package org.camelbyte.poststep;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camelbyte.airbyte.Durations;

/**
 * The newest value of a timestamp column is at most {@code maxAge} old. Age is measured against this
 * process's clock; a column without time zone is read in this process's zone, as the JDBC driver does.
 */
public record FreshnessCheck(TableName table, String column, Duration maxAge) implements QualityCheck {

    public static final String KIND = "freshness";
    static final Set<String> KEYS = Set.of("table", "column", "maxAge");

    static FreshnessCheck from(ConfigSection section) {
        return new FreshnessCheck(
                section.table("table"),
                section.identifier("column"),
                section.duration("maxAge")
                        .orElseThrow(
                                () -> section.invalid("maxAge", "a positive duration like 24h, 30m, 90s or PT24H")));
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
        return QualityCheck.nameOf(KIND, table, List.of(column));
    }

    @Override
    public String expectation() {
        return "newest " + column + " at most " + Durations.format(maxAge) + " old";
    }

    @Override
    public Observation observe(CheckSession session, CheckContext context) throws SQLException, MissingObjectException {
        String sql = "select max(" + session.quotedColumn(table, column) + ") from " + session.quotedTable(table);
        Timestamp newest;
        try (PreparedStatement statement = session.prepare(sql);
                ResultSet result = statement.executeQuery()) {
            result.next();
            newest = result.getTimestamp(1);
        }
        if (newest == null) {
            return new Observation("no rows with a value in " + column, false);
        }
        Duration age = Duration.between(newest.toInstant(), Instant.now());
        if (age.isNegative()) {
            return new Observation("newest " + column + " is in the future (" + newest.toInstant() + ")", true);
        }
        return new Observation(
                "newest " + column + " is " + Durations.format(age.withNanos(0)) + " old (" + newest.toInstant() + ")",
                age.compareTo(maxAge) <= 0);
    }
}
