package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Config API JSON ({@code ConnectionRead}, {@code JobInfoRead}, {@code JobWithAttemptsRead}) onto the
 * room's records.
 */
final class ConfigApiReader {
    private ConfigApiReader() {}

    static AirbyteConnection connection(JsonNode node, WorkspaceRef workspace) {
        List<String> streams = new ArrayList<>();
        for (JsonNode entry : Json.array(node.path("syncCatalog"), "streams")) {
            JsonNode config = entry.path("config");
            if (config.path("selected").asBoolean(true)) {
                String alias = Json.text(config, "aliasName");
                String name = alias != null ? alias : Json.text(entry.path("stream"), "name");
                if (name != null) {
                    streams.add(name);
                }
            }
        }
        String workspaceId = Json.text(node, "workspaceId");
        return new AirbyteConnection(
                Json.text(node, "connectionId"),
                Json.text(node, "name"),
                workspaceId != null ? workspaceId : workspace.id(),
                workspace.name(),
                Json.text(node, "status"),
                Namespaces.of(Json.text(node, "namespaceDefinition"), Json.text(node, "namespaceFormat")),
                Json.text(node, "prefix"),
                List.copyOf(streams));
    }

    /** Reads {@code {job, attempts}}; attempts come wrapped ({@code {attempt: ...}}) or bare, by endpoint. */
    static AirbyteJob job(JsonNode root) {
        JsonNode job = root.path("job");
        List<JsonNode> attempts = new ArrayList<>();
        for (JsonNode entry : Json.array(root, "attempts")) {
            attempts.add(entry.has("attempt") ? entry.get("attempt") : entry);
        }
        JobStatus status = JobStatus.parse(Json.text(job, "status"));
        List<AirbyteJob.StreamStats> streams = streams(job, attempts);
        return new AirbyteJob(
                Json.number(job, "id"),
                Json.text(job, "configId"),
                JobTypes.fromWire(Json.text(job, "configType")),
                status,
                Timestamps.parse(job.get("createdAt")),
                count(
                        job,
                        attempts,
                        streams,
                        "recordsCommitted",
                        "recordsSynced",
                        AirbyteJob.StreamStats::rowsCommitted),
                count(job, attempts, streams, "bytesCommitted", "bytesSynced", AirbyteJob.StreamStats::bytesCommitted),
                attempts.size(),
                status == JobStatus.FAILED ? failureReason(attempts) : null,
                streams,
                Timestamps.parse(job.get("updatedAt")));
    }

    /**
     * A count from whichever shape the server sent: the job's {@code aggregatedStats}, the attempts'
     * {@code totalStats}, their {@code recordsSynced}/{@code bytesSynced}, or their per-stream stats summed.
     * Versions fill different ones (some several, some one); where several agree the largest is the same
     * number, and where one is missing (read as 0) it must not hide the others, so the largest is taken.
     */
    private static long count(
            JsonNode job,
            List<JsonNode> attempts,
            List<AirbyteJob.StreamStats> streams,
            String committedField,
            String attemptField,
            java.util.function.ToLongFunction<AirbyteJob.StreamStats> perStream) {
        long aggregated = Json.number(job.path("aggregatedStats"), committedField);
        long totals = attempts.stream()
                .mapToLong(a -> Json.number(a.path("totalStats"), committedField))
                .sum();
        long synced =
                attempts.stream().mapToLong(a -> Json.number(a, attemptField)).sum();
        long byStream = streams.stream().mapToLong(perStream).sum();
        return Math.max(Math.max(aggregated, totals), Math.max(synced, byStream));
    }

    /** Per-job stream totals when the server aggregates them, else the attempts' stream stats added up. */
    private static List<AirbyteJob.StreamStats> streams(JsonNode job, List<JsonNode> attempts) {
        Map<String, AirbyteJob.StreamStats> byStream = new LinkedHashMap<>();
        if (job.path("streamAggregatedStats").isArray()
                && !job.path("streamAggregatedStats").isEmpty()) {
            for (JsonNode s : job.path("streamAggregatedStats")) {
                add(
                        byStream,
                        Json.text(s, "streamNamespace"),
                        Json.text(s, "streamName"),
                        Json.number(s, "recordsCommitted"),
                        Json.number(s, "bytesCommitted"));
            }
        } else {
            for (JsonNode attempt : attempts) {
                for (JsonNode s : Json.array(attempt, "streamStats")) {
                    JsonNode stats = s.path("stats");
                    add(
                            byStream,
                            Json.text(s, "streamNamespace"),
                            Json.text(s, "streamName"),
                            Json.number(stats, "recordsCommitted"),
                            Json.number(stats, "bytesCommitted"));
                }
            }
        }
        return List.copyOf(byStream.values());
    }

    private static void add(
            Map<String, AirbyteJob.StreamStats> byStream, String namespace, String name, long rows, long bytes) {
        byStream.merge(
                namespace + "." + name,
                new AirbyteJob.StreamStats(namespace, name, rows, bytes),
                (a, b) -> new AirbyteJob.StreamStats(
                        namespace,
                        name,
                        a.rowsCommitted() + b.rowsCommitted(),
                        a.bytesCommitted() + b.bytesCommitted()));
    }

    /** The last attempt's first failure as Airbyte words it for users ({@code externalMessage}). */
    private static String failureReason(List<JsonNode> attempts) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            for (JsonNode failure : Json.array(attempts.get(i).path("failureSummary"), "failures")) {
                String external = Json.text(failure, "externalMessage");
                if (external != null && !external.isBlank()) {
                    return external;
                }
                String type = Json.text(failure, "failureType");
                if (type != null) {
                    return "Airbyte reports a " + type.replace('_', ' ') + " failure";
                }
            }
        }
        return "Airbyte reports the job failed without a reason; see the job's logs in Airbyte";
    }
}
