package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps public API JSON ({@code ConnectionResponse}, {@code JobResponse}) onto the room's records. */
final class PublicApiReader {
    private PublicApiReader() {}

    static AirbyteConnection connection(JsonNode node, Map<String, String> workspaceNames) {
        String workspaceId = Json.text(node, "workspaceId");
        List<String> streams = new ArrayList<>();
        for (JsonNode stream : Json.array(node.path("configurations"), "streams")) {
            String name = Json.text(stream, "name");
            if (name != null) {
                streams.add(name);
            }
        }
        return new AirbyteConnection(
                Json.text(node, "connectionId"),
                Json.text(node, "name"),
                workspaceId,
                workspaceNames.get(workspaceId),
                Json.text(node, "status"),
                Namespaces.of(Json.text(node, "namespaceDefinition"), Json.text(node, "namespaceFormat")),
                Json.text(node, "prefix"),
                List.copyOf(streams));
    }

    /** The public API reports no attempts, per-stream stats or failure reason; those stay empty. */
    static AirbyteJob job(JsonNode node, String knownConnectionId) {
        String connectionId = Json.text(node, "connectionId");
        return new AirbyteJob(
                Json.number(node, "jobId"),
                connectionId != null ? connectionId : knownConnectionId,
                JobTypes.fromWire(Json.text(node, "jobType")),
                JobStatus.parse(Json.text(node, "status")),
                Timestamps.parse(node.get("startTime")),
                Json.number(node, "rowsSynced"),
                Json.number(node, "bytesSynced"),
                0,
                null,
                List.of(),
                lastChange(node));
    }

    /**
     * When the job last changed: {@code lastUpdatedAt}, which Airbyte gives for an ended job only, or else its
     * start time plus {@code duration}, which Airbyte gives for every job past pending as the time from its
     * creation to its last change (whole seconds). Null when neither says (a pending job).
     */
    private static Instant lastChange(JsonNode node) {
        Instant shown = Timestamps.parse(node.get("lastUpdatedAt"));
        if (shown != null) {
            return shown;
        }
        Instant start = Timestamps.parse(node.get("startTime"));
        String duration = Json.text(node, "duration");
        if (start == null || duration == null) {
            return null;
        }
        try {
            return start.plus(Duration.parse(duration));
        } catch (DateTimeParseException | ArithmeticException unreadable) {
            return null;
        }
    }
}
