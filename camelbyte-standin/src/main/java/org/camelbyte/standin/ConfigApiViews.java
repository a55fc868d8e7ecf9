package org.camelbyte.standin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Config API bodies (config.yaml: WorkspaceRead, ConnectionRead, JobRead, AttemptRead); times in epoch seconds. */
final class ConfigApiViews {

    private static final String ORGANIZATION_ID = "00000000-0000-0000-0000-000000000000";

    private final Instant serverStart;
    private final ServerBehaviours behaviours;

    ConfigApiViews(Instant serverStart, ServerBehaviours behaviours) {
        this.serverStart = serverStart;
        this.behaviours = behaviours;
    }

    ObjectNode workspace(ScenarioWorkspace ws) {
        return Json.object()
                .put("workspaceId", ws.id())
                .put("organizationId", ORGANIZATION_ID)
                .put(
                        "customerId",
                        UUID.nameUUIDFromBytes(("customer:" + ws.id()).getBytes(StandardCharsets.UTF_8))
                                .toString())
                .put("name", ws.name())
                .put("slug", ws.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                .put("initialSetupComplete", true);
    }

    ObjectNode connection(ScenarioConnection c) {
        ObjectNode node = Json.object()
                .put("connectionId", c.id())
                .put("name", c.name())
                .put("namespaceDefinition", c.namespace() != null ? "customformat" : "destination");
        if (c.namespace() != null) {
            node.put("namespaceFormat", c.namespace());
        }
        node.put("prefix", c.prefix())
                .put("sourceId", c.sourceId())
                .put("destinationId", c.destinationId())
                .put("workspaceId", c.workspaceId())
                .put("scheduleType", "manual")
                .put("status", c.status())
                .put("breakingChange", false)
                .put("created_at", behaviours.epochSeconds(serverStart));
        ArrayNode streams = node.putObject("syncCatalog").putArray("streams");
        for (String name : c.streams()) {
            ObjectNode entry = streams.addObject();
            ObjectNode stream = entry.putObject("stream").put("name", name);
            stream.putObject("jsonSchema");
            stream.putArray("supportedSyncModes").add("full_refresh");
            entry.putObject("config")
                    .put("syncMode", "full_refresh")
                    .put("destinationSyncMode", "overwrite")
                    .put("selected", true);
        }
        return node;
    }

    /** JobInfoRead; {@code withLogs} adds the log lines /v1/jobs/get carries. */
    ObjectNode jobInfo(StandInJob job, JobSnapshot s, boolean withLogs) {
        ObjectNode node = Json.object();
        node.set("job", job(job, s));
        ArrayNode attempts = node.putArray("attempts");
        for (AttemptSnapshot a : s.attempts()) {
            ObjectNode info = attempts.addObject();
            info.set("attempt", attempt(job, a));
            if (withLogs) {
                info.put("logType", "formatted");
                info.putObject("logs")
                        .putArray("logLines")
                        .add("Attempt " + a.number() + " of job " + job.id() + " (stand-in): " + a.status());
            }
        }
        return node;
    }

    ObjectNode jobLight(StandInJob job, JobSnapshot s) {
        ObjectNode node = Json.object();
        node.set("job", job(job, s));
        return node;
    }

    /** JobWithAttemptsRead, the item of /v1/jobs/list. */
    ObjectNode jobWithAttempts(StandInJob job, JobSnapshot s) {
        ObjectNode node = Json.object();
        node.set("job", job(job, s));
        ArrayNode attempts = node.putArray("attempts");
        s.attempts().forEach(a -> attempts.add(attempt(job, a)));
        return node;
    }

    /** Whether job lists answer as if their time filters were not there ({@link ServerBehaviours}). */
    boolean timeFiltersIgnored() {
        return behaviours.ignoresJobListTimeFilters();
    }

    /** When the job last changed as this server shows it (its clock, its precision). */
    Instant shownUpdatedAt(StandInJob job) {
        return behaviours.shown(job.updatedAt());
    }

    static String configType(String jobType) {
        return jobType.equals("reset") ? "reset_connection" : jobType;
    }

    private ObjectNode job(StandInJob job, JobSnapshot s) {
        ObjectNode node = Json.object()
                .put("id", job.id())
                .put("configType", configType(job.jobType()))
                .put("configId", job.connectionId())
                .put("createdAt", behaviours.epochSeconds(job.createdAt()))
                .put("updatedAt", behaviours.epochSeconds(job.instantAt(s.lastChangeOffset())));
        if (s.startOffset() != null) {
            node.put("startedAt", behaviours.epochSeconds(job.instantAt(s.startOffset())));
        }
        node.put("status", s.status());
        if (shows(ServerBehaviours.StatsShape.AGGREGATED_STATS)) {
            node.putObject("aggregatedStats")
                    .put("recordsEmitted", s.rows())
                    .put("bytesEmitted", s.bytes())
                    .put("recordsCommitted", s.rows())
                    .put("bytesCommitted", s.bytes())
                    .put("recordsRejected", 0);
        }
        return node;
    }

    private ObjectNode attempt(StandInJob job, AttemptSnapshot a) {
        Instant created = job.instantAt(a.startOffset());
        Instant updated = a.endOffset() == null ? created : job.instantAt(a.endOffset());
        ObjectNode node = Json.object()
                .put("id", a.number())
                .put("status", a.status())
                .put("createdAt", behaviours.epochSeconds(created))
                .put("updatedAt", behaviours.epochSeconds(updated));
        if (a.endOffset() != null) {
            node.put("endedAt", behaviours.epochSeconds(updated));
        }
        if (shows(ServerBehaviours.StatsShape.ATTEMPT_COUNTS)) {
            node.put("bytesSynced", a.bytes()).put("recordsSynced", a.rows());
        }
        if (shows(ServerBehaviours.StatsShape.TOTAL_STATS)) {
            node.set("totalStats", stats(a.rows(), a.bytes()));
        }
        ArrayNode streams = node.putArray("streamStats");
        String namespace = job.connection().namespace();
        for (StreamRows stream : a.streams()) {
            ObjectNode entry = streams.addObject().put("streamName", stream.stream());
            if (namespace != null) {
                entry.put("streamNamespace", namespace);
            }
            entry.set("stats", stats(stream.rows(), stream.bytes()));
        }
        if (!shows(ServerBehaviours.StatsShape.STREAM_STATS)) {
            node.remove("streamStats");
        }
        if (a.failure() != null) {
            ObjectNode summary = node.putObject("failureSummary");
            summary.putArray("failures")
                    .addObject()
                    .put("failureOrigin", "source")
                    .put("failureType", "system_error")
                    .put("externalMessage", a.failure())
                    .put("internalMessage", a.failure())
                    .put("retryable", true)
                    .put("timestamp", updated.toEpochMilli());
            summary.put("partialSuccess", false);
        }
        return node;
    }

    /** Whether counts go in this place under the server's stats shape (every place when it is ALL). */
    private boolean shows(ServerBehaviours.StatsShape place) {
        ServerBehaviours.StatsShape shape = behaviours.statsShape();
        return shape == ServerBehaviours.StatsShape.ALL || shape == place;
    }

    private static ObjectNode stats(long rows, long bytes) {
        return Json.object()
                .put("recordsEmitted", rows)
                .put("bytesEmitted", bytes)
                .put("recordsCommitted", rows)
                .put("bytesCommitted", bytes)
                .put("stateMessagesEmitted", 0);
    }
}
