package org.camelbyte.standin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Public API bodies (api.yaml: WorkspaceResponse, ConnectionResponse, SourceResponse, DestinationResponse,
 * StreamPropertiesResponse, JobResponse).
 */
final class PublicApiViews {

    private final Instant serverStart;
    private final ServerBehaviours behaviours;

    PublicApiViews(Instant serverStart, ServerBehaviours behaviours) {
        this.serverStart = serverStart;
        this.behaviours = behaviours;
    }

    ObjectNode workspace(ScenarioWorkspace ws) {
        ObjectNode node =
                Json.object().put("workspaceId", ws.id()).put("name", ws.name()).put("dataResidency", "auto");
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
        node.put("createdAt", behaviours.epochSeconds(serverStart));
        node.putArray("tags");
        return node;
    }

    /** The connection's source: the stand-in has one per connection, named after it. */
    ObjectNode source(ScenarioConnection c) {
        return connector("source", c.sourceId(), c);
    }

    /** The connection's destination: one per connection, named after it. */
    ObjectNode destination(ScenarioConnection c) {
        return connector("destination", c.destinationId(), c);
    }

    /** SourceResponse and DestinationResponse share their shape, with the kind in three names. */
    private ObjectNode connector(String kind, String id, ScenarioConnection c) {
        ObjectNode node = Json.object()
                .put(kind + "Id", id)
                .put("name", c.name() + " " + kind)
                .put(kind + "Type", "custom")
                .put(
                        "definitionId",
                        UUID.nameUUIDFromBytes(("definition:" + kind).getBytes(StandardCharsets.UTF_8))
                                .toString())
                .put("workspaceId", c.workspaceId())
                .put("createdAt", behaviours.epochSeconds(serverStart));
        node.putObject("configuration");
        return node;
    }

    /** The streams the connection's source offers: those the scenario names, each full refresh. */
    ArrayNode streams(ScenarioConnection c) {
        ArrayNode streams = Json.array();
        for (String stream : c.streams()) {
            ObjectNode node = streams.addObject().put("streamName", stream);
            if (c.namespace() != null) {
                node.put("streamnamespace", c.namespace());
            }
            node.putArray("syncModes").add("full_refresh_overwrite").add("full_refresh_append");
            node.putArray("defaultCursorField");
            node.put("sourceDefinedCursorField", false);
            node.putArray("sourceDefinedPrimaryKey");
            node.putArray("propertyFields");
        }
        return streams;
    }

    /** Whether job lists answer as if their time filters were not there ({@link ServerBehaviours}). */
    boolean timeFiltersIgnored() {
        return behaviours.ignoresJobListTimeFilters();
    }

    /** When the job last changed as this server shows it (its clock, its precision). */
    Instant shownUpdatedAt(StandInJob job) {
        return shown(job.updatedAt());
    }

    /** A time as this server shows it (its clock, its precision). */
    Instant shown(Instant real) {
        return behaviours.shown(real);
    }

    /** When the job was created as this server shows it (its clock, its precision). */
    Instant shownCreatedAt(StandInJob job) {
        return behaviours.shown(job.createdAt());
    }

    ObjectNode job(StandInJob job, JobSnapshot s) {
        ObjectNode node = Json.object()
                .put("jobId", job.id())
                .put("status", s.status())
                .put("jobType", job.jobType())
                .put("startTime", behaviours.isoText(job.createdAt()))
                .put("connectionId", job.connectionId());
        // as airbyte-platform's JobResponseMapper: the last change's time only for an ended job, and for every
        // job but a pending one the duration from creation to the last change, whole seconds of its own clock
        if (s.isTerminal()) {
            node.put("lastUpdatedAt", behaviours.isoText(job.instantAt(s.endOffset())));
        }
        if (!s.status().equals("pending")) {
            long seconds = behaviours.epochSeconds(job.updatedAt()) - behaviours.epochSeconds(job.createdAt());
            node.put("duration", Duration.ofSeconds(seconds).toString());
        }
        node.put("bytesSynced", s.bytes()).put("rowsSynced", s.rows());
        return node;
    }
}
