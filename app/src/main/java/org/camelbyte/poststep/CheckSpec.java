package org.camelbyte.poststep;

import java.util.Objects;
import java.util.Optional;

/** One declared check: what to check, under which name, and whether failing it fails the run. */
public record CheckSpec(String name, Severity severity, QualityCheck check) {

    public CheckSpec {
        Objects.requireNonNull(check, "check");
        name = name == null || name.isBlank() ? check.defaultName() : name;
        severity = severity == null ? Severity.DEFAULT : severity;
    }

    /** A check with its default name and the default severity. */
    public static CheckSpec of(QualityCheck check) {
        return new CheckSpec(null, null, check);
    }

    public String kind() {
        return check.kind();
    }

    public Optional<TableName> table() {
        return check.checkedTable();
    }
}
