package org.camelbyte.airbyte;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them in config: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 1h30m} or ISO-8601 {@code PT5M}. */
public final class Durations {
    /** One or more units, largest first: {@code 30s}, {@code 1h30m}, {@code 1d12h}, {@code 2m500ms}. */
    private static final Pattern SHORT = Pattern.compile(
            "(?:(\\d+)\\s*d)?\\s*(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m(?!s))?\\s*(?:(\\d+)\\s*s)?\\s*(?:(\\d+)\\s*ms)?");

    private Durations() {}

    /** Like {@link #parse}, empty where the text is no duration. */
    public static Optional<Duration> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The one way durations are written in messages and logs, as people write them in config: {@code 400ms}
     * below a second, else whole seconds as {@code 45s}, {@code 5m}, {@code 1h2m3s}, {@code 24h}.
     */
    public static String format(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + "ms";
        }
        long s = duration.toSeconds();
        StringBuilder text = new StringBuilder();
        if (s >= 3600) {
            text.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            text.append(s % 3600 / 60).append('m');
        }
        if (s % 60 > 0 || text.isEmpty()) {
            text.append(s % 60).append('s');
        }
        return text.toString();
    }

    private static long number(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(value);
        if (!value.isEmpty() && m.matches()) {
            return Duration.ofDays(number(m, 1))
                    .plusHours(number(m, 2))
                    .plusMinutes(number(m, 3))
                    .plusSeconds(number(m, 4))
                    .plusMillis(number(m, 5));
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write it like 500ms, 30s, 10m, 2h, 1d or PT10M.");
        }
    }
}
