package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Airbyte writes times as ISO-8601 text (public API), epoch seconds or epoch milliseconds (Config API). */
final class Timestamps {
    /** Epoch seconds stay below this until the year 5138; epoch millis pass it from 1973 on. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Timestamps() {}

    static Instant parse(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return fromEpoch(value.asLong());
        }
        return parse(value.asText());
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return fromEpoch(Long.parseLong(trimmed));
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(trimmed);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static Instant fromEpoch(long value) {
        return value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
