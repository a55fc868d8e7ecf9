package org.camelbyte.airbyte;

import java.util.Locale;

/** Airbyte job states; values a newer server invents read as UNKNOWN instead of failing the run. */
public enum JobStatus {
    PENDING,
    QUEUED,
    RUNNING,
    INCOMPLETE,
    LOCKED,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    UNKNOWN;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public static JobStatus parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
