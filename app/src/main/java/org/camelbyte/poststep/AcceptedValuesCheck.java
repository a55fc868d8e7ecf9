package org.camelbyte.poststep;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every non-null value of the column is one of the accepted values, compared as text and bound as parameters. */
public record AcceptedValuesCheck(TableName table, String column, List<String> values) implements QualityCheck {

    public static final String KIND = "accepted_values";
    static final Set<String> KEYS = Set.of("table", "column", "values");
    private static final int SAMPLE_SIZE = 5;

    public AcceptedValuesCheck {
        values = List.copyOf(values);
    }

    static AcceptedValuesCheck from(ConfigSection section) {
        return new AcceptedValuesCheck(
                section.table("table"),
                section.identifier("column"),
                section.texts("values", "a non-empty list of accepted values like [new, paid]"));
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
        return column + " in " + values;
    }

    @Override
    public Observation observe(CheckSession session, CheckContext context) throws SQLException, MissingObjectException {
        String asText = session.dialect().castToText(session.quotedColumn(table, column));
        String from = " from " + session.quotedTable(table) + " where " + asText + " not in ("
                + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
        long unexpected;
        try (PreparedStatement statement = session.prepare("select count(*)" + from)) {
            bindValues(statement);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                unexpected = result.getLong(1);
            }
        }
        if (unexpected == 0) {
            return new Observation("all values accepted", true);
        }
        return new Observation(
                unexpected + " rows with other values, e.g. " + sample("select distinct " + asText + from, session),
                false);
    }

    private List<String> sample(String sql, CheckSession session) throws SQLException {
        List<String> sample = new ArrayList<>();
        try (PreparedStatement statement = session.prepare(sql)) {
            statement.setMaxRows(SAMPLE_SIZE);
            bindValues(statement);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    sample.add(result.getString(1));
                }
            }
        }
        return sample;
    }

    private void bindValues(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
    }
}
