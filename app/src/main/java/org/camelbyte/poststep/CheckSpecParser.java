package org.camelbyte.poststep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads the {@code checks} list of a post-sync section into check specs. */
final class CheckSpecParser {

    private static final Set<String> COMMON_KEYS = Set.of("type", "name", "severity");

    private record Kind(Set<String> keys, Function<ConfigSection, QualityCheck> parser) {}

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put(RowCountCheck.KIND, new Kind(RowCountCheck.KEYS, RowCountCheck::from));
        KINDS.put(NotNullCheck.KIND, new Kind(NotNullCheck.KEYS, NotNullCheck::from));
        KINDS.put(UniqueCheck.KIND, new Kind(UniqueCheck.KEYS, UniqueCheck::from));
        KINDS.put(AcceptedValuesCheck.KIND, new Kind(AcceptedValuesCheck.KEYS, AcceptedValuesCheck::from));
        KINDS.put(FreshnessCheck.KIND, new Kind(FreshnessCheck.KEYS, FreshnessCheck::from));
        KINDS.put(RowsSyncedMinCheck.KIND, new Kind(RowsSyncedMinCheck.KEYS, RowsSyncedMinCheck::from));
        KINDS.put(RowCountChangeCheck.KIND, new Kind(RowCountChangeCheck.KEYS, RowCountChangeCheck::from));
        KINDS.put(SqlCheck.KIND, new Kind(SqlCheck.KEYS, SqlCheck::from));
    }

    private CheckSpecParser() {}

    static List<CheckSpec> parseAll(List<ConfigSection> sections) {
        List<CheckSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigSection section : sections) {
            CheckSpec spec = parse(section);
            // results are looked up by name, so two checks with one name would hide each other
            if (!names.add(spec.name())) {
                throw section.invalid(
                        "name",
                        "unique among the pipeline's checks ('" + spec.name()
                                + "' is already used; set a distinct name)");
            }
            specs.add(spec);
        }
        return specs;
    }

    static CheckSpec parse(ConfigSection section) {
        String expectedType = "one of " + String.join(", ", KINDS.keySet());
        Kind kind = KINDS.get(section.text("type", expectedType));
        if (kind == null) {
            throw section.invalid("type", expectedType);
        }
        Set<String> allowed = new HashSet<>(COMMON_KEYS);
        allowed.addAll(kind.keys());
        section.allowOnly(allowed);
        QualityCheck check = kind.parser().apply(section);
        if (check instanceof SqlCheck && !section.has("name")) {
            throw section.invalid("name", "a name for the custom query, like no_negative_totals");
        }
        String name = section.optionalText("name", "a name for the check").orElse(null);
        return new CheckSpec(name, severity(section), check);
    }

    private static Severity severity(ConfigSection section) {
        String expected = "warn or fail";
        return section.optionalText("severity", expected)
                .map(text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "warn" -> Severity.WARN;
                    case "fail" -> Severity.FAIL;
                    default -> throw section.invalid("severity", expected);
                })
                .orElse(Severity.DEFAULT);
    }
}
