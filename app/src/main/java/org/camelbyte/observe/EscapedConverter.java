package org.camelbyte.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %escaped(...)} in logback.xml: the text log line with every control character written as an escape
 * ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}, ...), so a value a caller chose (a connection name
 * with a newline in a queue message, a path) can never start a line of its own that looks like the app's. The
 * JSON format needs none of this: its encoder escapes them already. Stack traces stay outside, on their own lines.
 */
public class EscapedConverter extends CompositeConverter<ILoggingEvent> {
    @Override
    protected String transform(ILoggingEvent event, String in) {
        return escape(in);
    }

    /** {@code text} with control characters and Unicode line separators escaped; the same object when it has none. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escaped(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
