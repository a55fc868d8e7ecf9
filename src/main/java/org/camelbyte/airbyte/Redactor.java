package org.camelbyte.airbyte;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Removes secret values from text bound for messages: an error body may echo what was sent, and a
 * message may be logged or shown on a run record.
 */
final class Redactor {
    private static final int MAX_DETAIL = 300;
    private final List<String> secrets;

    Redactor(AirbyteSettings settings) {
        this.secrets = Stream.of(settings.password(), settings.token(), settings.clientSecret())
                .filter(Objects::nonNull)
                .filter(secret -> !secret.isBlank())
                .toList();
    }

    String clean(String text) {
        if (text == null) {
            return "";
        }
        String cleaned = text;
        for (String secret : secrets) {
            cleaned = cleaned.replace(secret, "****");
        }
        return cleaned;
    }

    /** A cleaned, single-line excerpt short enough to sit in one sentence. */
    String excerpt(String text) {
        String oneLine = clean(text).replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }
}
