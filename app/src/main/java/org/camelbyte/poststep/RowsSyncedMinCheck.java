package org.camelbyte.poststep;

import java.util.Optional;
import java.util.Set;

/** The sync job moved at least {@code min} rows, as its own stats report; needs no database. */
public record RowsSyncedMinCheck(long min) implements QualityCheck {

    public static final String KIND = "rows_synced_min";
    static final Set<String> KEYS = Set.of("min");

    static RowsSyncedMinCheck from(ConfigSection section) {
        return new RowsSyncedMinCheck(section.wholeNumber("min", 0).orElse(1));
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
        return "at least " + min + " rows synced";
    }

    @Override
    public Observation observe(CheckSession session, CheckContext context) {
        return new Observation(context.rowsSynced() + " rows synced", context.rowsSynced() >= min);
    }
}
