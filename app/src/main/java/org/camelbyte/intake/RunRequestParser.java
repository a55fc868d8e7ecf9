package org.camelbyte.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.camelbyte.airbyte.JobType;

/**
 * Reads a run request message: {@code {"requestId", "pipeline" | "connectionName" | "group", "jobType"?}}. Anything
 * else is refused with a sentence saying what to fix, so it can go to the dead-letter queue with its reason.
 */
public class RunRequestParser {
    private static final List<String> FIELDS = List.of("requestId", "pipeline", "connectionName", "group", "jobType");
    private final ObjectMapper json;

    public RunRequestParser(ObjectMapper json) {
        this.json = json;
    }

    public RunRequest parse(String body, String trigger) {
        if (body == null || body.isBlank()) {
            throw new InvalidRunRequestException(
                    "The message is empty; send JSON like {\"requestId\": \"r-1\", \"pipeline\": \"mysql-prod\"}.");
        }
        Map<String, String> fields = RequestFields.read(body, json, FIELDS);
        String requestId = fields.get("requestId");
        if (requestId == null) {
            throw new InvalidRunRequestException(
                    "requestId is missing; give each request a unique id so a redelivery is not run twice.");
        }
        String pipeline = fields.get("pipeline");
        String connection = fields.get("connectionName");
        String group = fields.get("group");
        if (Stream.of(pipeline, connection, group).filter(Objects::nonNull).count() != 1) {
            throw new InvalidRunRequestException(
                    "Request " + requestId + " must name exactly one of pipeline, connectionName or group.");
        }
        String jobType = fields.get("jobType");
        try {
            JobType.parse(jobType);
        } catch (IllegalArgumentException e) {
            throw new InvalidRunRequestException("Request " + requestId + ": " + e.getMessage());
        }
        return new RunRequest(requestId, pipeline, connection, group, jobType, trigger);
    }
}
