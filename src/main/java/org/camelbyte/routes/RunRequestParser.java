package org.camelbyte.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camelbyte.airbyte.JobType;

/**
 * Reads a run request message: {@code {"requestId", "pipeline" | "connectionName" | "group", "jobType"?}}. Anything
 * else is refused with a sentence saying what to fix, so it can go to the dead-letter queue with its reason.
 */
public class RunRequestParser {
    public static final int MAX_BYTES = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("requestId", "pipeline", "connectionName", "group", "jobType");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,200}");
    private final ObjectMapper json;

    public RunRequestParser(ObjectMapper json) {
        this.json = json;
    }

    public RunRequest parse(String body, String trigger) {
        if (body == null || body.isBlank()) {
            throw new InvalidRunRequestException("The message is empty; send JSON like {\"requestId\": \"r-1\", \"pipeline\": \"mysql-prod\"}.");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRunRequestException("The message is larger than " + MAX_BYTES
                    + " bytes; a run request holds only requestId, pipeline or connectionName, and jobType.");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (Exception e) {
            throw new InvalidRunRequestException("The message is not JSON; send {\"requestId\": \"r-1\", \"pipeline\": \"mysql-prod\"}.");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRunRequestException("The message must be a JSON object with requestId and pipeline or connectionName.");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new InvalidRunRequestException("Field '" + field + "' is not part of a run request; use only requestId, pipeline, connectionName, group, jobType.");
            }
        }
        String requestId = text(node, "requestId");
        if (requestId != null && requestId.length() > 200) {
            throw new InvalidRunRequestException("requestId is longer than 200 characters (it has " + requestId.length()
                    + "); give each request a shorter unique id.");
        }
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new InvalidRunRequestException("requestId is missing or not 1-200 letters, digits or ._:@/+=-; give each request a unique id so a redelivery is not run twice.");
        }
        String pipeline = text(node, "pipeline");
        String connection = text(node, "connectionName");
        String group = text(node, "group");
        if (Stream.of(pipeline, connection, group).filter(Objects::nonNull).count() != 1) {
            throw new InvalidRunRequestException("Request " + requestId + " must name exactly one of pipeline, connectionName or group.");
        }
        String jobType = text(node, "jobType");
        try {
            JobType.parse(jobType);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunRequestException("Request " + requestId + ": " + e.getMessage());
        }
        return new RunRequest(requestId, pipeline, connection, group, jobType, trigger);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new InvalidRunRequestException("Field '" + field + "' must be a non-empty text.");
        }
        return v.asText();
    }
}
