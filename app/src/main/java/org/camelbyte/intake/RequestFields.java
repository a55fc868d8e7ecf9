package org.camelbyte.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Message;

/**
 * The one check of a run request's fields, for HTTP bodies and queue messages alike: at most 16 KB, a JSON
 * object of known, short text fields, and a requestId of 1-200 letters, digits or {@code ._:@/+=-}. Anything
 * else is refused with a sentence naming the field and what to send.
 */
public final class RequestFields {
    public static final int MAX_BYTES = 16 * 1024;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,200}");
    private static final int MAX_TEXT = 200;

    private RequestFields() {}

    /**
     * The body as the client sent it. {@code curl -d '{...}'} labels JSON as a form, which the HTTP server
     * turns into one form field named after the whole text; that text is the body, judged as JSON.
     */
    public static String sentText(Message message) {
        if (message.getBody() instanceof Map<?, ?> form && form.size() == 1) {
            Map.Entry<?, ?> only = form.entrySet().iterator().next();
            Object value = only.getValue();
            boolean noValue = value == null
                    || String.valueOf(value).isEmpty()
                    || (value instanceof List<?> list
                            && list.stream()
                                    .allMatch(
                                            v -> v == null || String.valueOf(v).isEmpty()));
            if (noValue) {
                return String.valueOf(only.getKey());
            }
        }
        return message.getBody(String.class);
    }

    /** The fields present, by name; empty for an empty body. */
    public static Map<String, String> read(String body, ObjectMapper json, Collection<String> accepted) {
        Map<String, String> values = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return values;
        }
        String example = "send a JSON object with only " + String.join(", ", accepted);
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRunRequestException(
                    "The request is larger than " + MAX_BYTES + " bytes; " + example + ".");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (Exception e) {
            throw new InvalidRunRequestException("The request is not JSON; " + example + ".");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRunRequestException("The request is not a JSON object; " + example + ".");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!accepted.contains(field.getKey())) {
                throw new InvalidRunRequestException(
                        "Field '" + field.getKey() + "' is not accepted here; " + example + ".");
            }
            if (!field.getValue().isNull()) {
                values.put(field.getKey(), text(field.getKey(), field.getValue()));
            }
        }
        String requestId = values.get("requestId");
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            throw new InvalidRunRequestException(
                    "requestId must be 1-200 letters, digits or ._:@/+=-; give each request"
                            + " a unique id so a redelivery is not run twice.");
        }
        return values;
    }

    private static String text(String name, JsonNode value) {
        if (value.isTextual() && value.asText().length() > MAX_TEXT) {
            throw new InvalidRunRequestException(name + " is longer than " + MAX_TEXT + " characters (it has "
                    + value.asText().length() + "); shorten it.");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidRunRequestException(
                    "Field '" + name + "' must be a non-empty text of at most " + MAX_TEXT + " characters.");
        }
        return value.asText();
    }
}
