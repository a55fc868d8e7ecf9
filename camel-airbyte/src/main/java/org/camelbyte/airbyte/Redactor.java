package org.camelbyte.airbyte;

import java.util.List;
import java.util.stream.Stream;

/**
 * Removes secret values from text bound for messages: an error body may echo what was sent, and a
 * message may be logged or shown on a run record. The masking itself is {@link Redaction}'s.
 */
final class Redactor {
    private static final int MAX_DETAIL = 300;
    private final List<String> secrets;

    Redactor(AirbyteSettings settings) {
        this.secrets = Stream.of(settings.password(), settings.token(), settings.clientSecret())
                .toList();
    }

    String clean(String text) {
        return Redaction.clean(text, secrets);
    }

    /** A cleaned, single-line excerpt short enough to sit in one sentence. */
    String excerpt(String text) {
        String oneLine = clean(text).replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
    }
}
