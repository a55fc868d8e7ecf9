package org.camelbyte.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.Message;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunQuery;
import org.camelbyte.run.RunStatus;

/**
 * The query parameters of {@code GET /api/runs} into a {@link RunQuery}, each bad one refused with a sentence
 * naming it; and the opaque cursor, the start time and id of the last run of a page.
 */
final class HistoryParameters {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /** How runs are started (a run's {@code trigger}); the history filters on these only. */
    static final List<String> TRIGGERS = List.of("http", "queue", "schedule", "group", "component");

    /** Instants the state database and any sane query hold: a wider one is a typo or an attack. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private HistoryParameters() {}

    static RunQuery parse(Message m) {
        int limit = limit(m.getHeader("limit", String.class));
        Instant beforeStartedAt = null;
        String beforeRunId = null;
        String cursor = blankToNull(m.getHeader("cursor", String.class));
        if (cursor != null) {
            String[] parts = decode(cursor).split("\\|", 2);
            try {
                beforeStartedAt = Instant.parse(parts[0]);
            } catch (DateTimeParseException e) {
                throw notACursor();
            }
            beforeRunId = parts[1];
            if (!inRange(beforeStartedAt)
                    || beforeRunId.length() > RequestValidator.MAX_TEXT
                    || RequestValidator.hasControl(beforeRunId)) {
                throw notACursor();
            }
        }
        return new RunQuery(
                blankToNull(m.getHeader("pipeline", String.class)),
                status(m.getHeader("status", String.class)),
                trigger(m.getHeader("trigger", String.class)),
                instant("since", m.getHeader("since", String.class)),
                instant("until", m.getHeader("until", String.class)),
                beforeStartedAt,
                beforeRunId,
                limit);
    }

    static String cursorAfter(Run run) {
        String raw = run.getStartedAt() + "|" + run.getRunId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.indexOf('|') > 0) {
                return raw;
            }
        } catch (IllegalArgumentException e) {
            // refused below with the same sentence as any other malformed cursor
        }
        throw notACursor();
    }

    private static ApiProblem notACursor() {
        return new ApiProblem(
                400,
                "Query parameter 'cursor' is not a cursor this API gave out; pass the nextCursor"
                        + " of the previous page unchanged, or leave it out for the first page.");
    }

    private static int limit(String value) {
        if (blankToNull(value) == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiProblem(
                400,
                "Query parameter 'limit' is '" + value + "'; give a whole number from 1 to " + MAX_LIMIT + " (default "
                        + DEFAULT_LIMIT + ") and page on with 'cursor'.");
    }

    private static RunStatus status(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return RunStatus.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(
                    400,
                    "Query parameter 'status' is '" + value + "'; use one of "
                            + Arrays.stream(RunStatus.values())
                                    .map(RunStatus::wireName)
                                    .collect(Collectors.joining(", "))
                            + ".");
        }
    }

    private static String trigger(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        if (!TRIGGERS.contains(value.trim())) {
            throw new ApiProblem(
                    400,
                    "Query parameter 'trigger' is '" + value + "'; use one of " + String.join(", ", TRIGGERS) + ".");
        }
        return value.trim();
    }

    private static Instant instant(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ApiProblem(
                    400,
                    "Query parameter '" + name + "' is '" + value + "'; give an ISO-8601 UTC"
                            + " instant such as 2026-11-25T02:00:00Z.");
        }
        if (!inRange(instant)) {
            throw new ApiProblem(
                    400,
                    "Query parameter '" + name + "' is '" + value + "'; give an instant from " + EARLIEST + " to "
                            + LATEST + ".");
        }
        return instant;
    }

    private static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
