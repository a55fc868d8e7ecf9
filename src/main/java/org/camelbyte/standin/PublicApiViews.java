package org.camelbyte.standin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Public API bodies (api.yaml: WorkspaceResponse, ConnectionResponse, JobResponse). */
final class PublicApiViews {

    private final Instant serverStart;
    private final Clock clock;

    PublicApiViews(Instant serverStart, Clock clock) {
        this.serverStart = serverStart;
        this.clock = clock;
    }

    ObjectNode workspace(ScenarioWorkspace ws) {
        ObjectNode node = Json.object().put("workspaceId", ws.id()).put("name", ws.name()).put("dataResidency", "auto");
        node.putObject("notifications");
        return node;
    }

    ObjectNode connection(ScenarioConnection c) {
        ObjectNode node = Json.object()
                .put("connectionId", c.id())
                .put("name", c.name())
                .put("sourceId", c.sourceId())
                .put("destinationId", c.destinationId())
                .put("workspaceId", c.workspaceId())
                .put("status", c.status())
                .put("dataResidency", "auto")
                .put("nonBreakingSchemaUpdatesBehavior", "ignore");
        node.putObject("schedule").put("scheduleType", "manual");
        if (c.namespace() != null) {
            node.put("namespaceDefinition", "custom_format").put("namespaceFormat", c.namespace());
        } else {
            node.put("namespaceDefinition", "destination");
        }
        node.put("prefix", c.prefix());
        ArrayNode streams = node.putObject("configurations").putArray("streams");
        c.streams().forEach(s -> streams.addObject().put("name", s).put("syncMode", "full_refresh_overwrite"));
        node.put("createdAt", serverStart.getEpochSecond());
        node.putArray("tags");
        return node;
    }

    ObjectNode job(StandInJob job, JobSnapshot s) {
        ObjectNode node = Json.object()
                .put("jobId", job.id())
                .put("status", s.status())
                .put("jobType", job.jobType())
                .put("startTime", job.createdAt().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("connectionId", job.connectionId());
        Instant end = s.isTerminal() ? job.instantAt(s.endOffset()) : clock.instant();
        if (s.isTerminal()) {
            node.put("lastUpdatedAt", end.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        node.put("duration", Duration.between(job.createdAt(), end).withNanos(0).toString())
                .put("bytesSynced", s.bytes())
                .put("rowsSynced", s.rows());
        return node;
    }
}
