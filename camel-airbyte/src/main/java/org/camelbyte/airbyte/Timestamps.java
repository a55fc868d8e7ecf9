package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Airbyte writes times as ISO-8601 text (public API), epoch seconds or epoch milliseconds (Config API). */
final class Timestamps {
    /** Epoch seconds stay below this until the year 5138; epoch millis pass it from 1973 on. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    /**
     * Texts already parsed: a listing of 2,000 jobs shows the same few seconds again and again, and parsing them
     * was 3-6% of the benchmark JVM's samples following 2,000 syncs. Bounded: emptied when full.
     */
    private static final Map<String, Instant> PARSED = new ConcurrentHashMap<>();

    private static final int PARSED_MAX = 4_096;

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
        Instant known = PARSED.get(trimmed);
        if (known != null) {
            return known;
        }
        Instant parsed = parseIso(trimmed);
        if (parsed != null) {
            if (PARSED.size() >= PARSED_MAX) {
                PARSED.clear();
            }
            PARSED.put(trimmed, parsed);
        }
        return parsed;
    }

    private static Instant parseIso(String trimmed) {
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
