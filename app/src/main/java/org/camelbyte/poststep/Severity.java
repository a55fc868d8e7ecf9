package org.camelbyte.poststep;

import java.util.Locale;

/**
 * What a failed check does to the run. A check left without a severity is {@link #FAIL}: someone wrote
 * it down to guard the data, and a guard that only logs is the opt-in case ({@code severity: warn}).
 */
public enum Severity {
    WARN,
    FAIL;

    public static final Severity DEFAULT = FAIL;

    /** The spelling used in YAML and JSON: {@code warn} or {@code fail}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
