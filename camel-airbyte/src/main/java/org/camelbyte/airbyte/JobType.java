package org.camelbyte.airbyte;

import java.util.Locale;

public enum JobType {
    SYNC,
    RESET,
    CLEAR;

    public static JobType parse(String value) {
        if (value == null || value.isBlank()) {
            return SYNC;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jobType must be one of sync, reset, clear; '" + value + "' is not.");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
