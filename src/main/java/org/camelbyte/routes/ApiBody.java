package org.camelbyte.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The schema of the API's request bodies: nothing, or a small JSON object of known text fields. Anything
 * else is refused with a sentence naming what to fix, before it reaches a run.
 */
final class ApiBody {
    static final int MAX_BYTES = 16 * 1024;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,200}");
    private static final int MAX_TEXT = 200;

    private ApiBody() {}

    /**
     * The body as the client sent it. {@code curl -d '{...}'} labels JSON as a form, which the HTTP server
     * turns into one form field named after the whole text; that text is the body, judged as JSON.
     */
    static String sentText(org.apache.camel.Message message) {
        if (message.getBody() instanceof Map<?, ?> form && form.size() == 1) {
            Map.Entry<?, ?> only = form.entrySet().iterator().next();
            Object value = only.getValue();
            boolean noValue = value == null || String.valueOf(value).isEmpty()
                    || (value instanceof List<?> list && list.stream().allMatch(v -> v == null || String.valueOf(v).isEmpty()));
            if (noValue) {
                return String.valueOf(only.getKey());
            }
        }
        return message.getBody(String.class);
    }

    /** The fields present, by name; empty for an empty body. */
    static Map<String, String> read(String body, ObjectMapper json, List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return values;
        }
        String example = "send nothing or a JSON object with only " + String.join(", ", fields);
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new BadRequestException("The request body is larger than " + MAX_BYTES + " bytes; " + example + ".");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (Exception e) {
            throw new BadRequestException("The request body is not JSON; " + example + ".");
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestException("The request body is not a JSON object; " + example + ".");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!fields.contains(field.getKey())) {
                throw new BadRequestException("Field '" + field.getKey() + "' is not accepted here; " + example + ".");
            }
            if (!field.getValue().isNull()) {
                values.put(field.getKey(), text(field.getKey(), field.getValue()));
            }
        }
        String requestId = values.get("requestId");
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            throw new BadRequestException("requestId must be 1-200 letters, digits or ._:@/+=-.");
        }
        return values;
    }

    private static String text(String name, JsonNode value) {
        if (value.isTextual() && value.asText().length() > MAX_TEXT) {
            throw new BadRequestException(name + " is longer than " + MAX_TEXT + " characters (it has "
                    + value.asText().length() + "); shorten it.");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadRequestException("Field '" + name + "' must be a non-empty text of at most " + MAX_TEXT + " characters.");
        }
        return value.asText();
    }
}
