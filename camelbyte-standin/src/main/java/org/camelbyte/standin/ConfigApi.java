package org.camelbyte.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Config API under {@code /api}: {@code /v1/...}, all POST but {@code GET /v1/health}. */
final class ConfigApi {

    private final StandInScenario scenario;
    private final JobStore jobs;
    private final JobCreation creation;
    private final ConfigApiViews views;

    private final Map<String, ScenarioConnection> connections;

    ConfigApi(StandInScenario scenario, JobStore jobs, JobCreation creation, ConfigApiViews views) {
        this.connections = scenario.connectionsById();
        this.scenario = scenario;
        this.jobs = jobs;
        this.creation = creation;
        this.views = views;
    }

    StandInResponse handle(StandInRequest r) {
        if (r.method().equals("GET") && r.path().equals("/v1/health")) {
            return StandInResponse.ok(Json.object().put("available", true));
        }
        if (!r.method().equals("POST") || !scenario.serves(r.path())) {
            return Problems.notFoundPath(ApiFlavour.CONFIG, r.path());
        }
        JsonNode body = r.json();
        return switch (r.path()) {
            case "/v1/workspaces/list" -> workspaces(scenario.workspaces());
            case "/v1/workspaces/list_paginated" -> workspaces(paged(body, selectedWorkspaces(body)));
            case "/v1/connections/list" -> connections(connectionsIn(List.of(required(body, "workspaceId"))));
            case "/v1/connections/list_paginated" ->
                connections(paged(body, connectionsIn(strings(body.path("workspaceIds")))));
            case "/v1/connections/get" ->
                StandInResponse.ok(views.connection(connection(required(body, "connectionId"))));
            case "/v1/connections/sync" -> sync(connection(required(body, "connectionId")));
            // like reset, clear never answers 409: it replaces a running sync
            case "/v1/connections/reset" ->
                jobInfo(creation.replaceRunning(connection(required(body, "connectionId")), "reset"), false);
            case "/v1/connections/clear" ->
                jobInfo(creation.replaceRunning(connection(required(body, "connectionId")), "clear"), false);
            case "/v1/jobs/get" -> jobInfo(job(body), true);
            case "/v1/jobs/get_without_logs" -> jobInfo(job(body), false);
            case "/v1/jobs/get_light" -> {
                StandInJob job = job(body);
                yield StandInResponse.ok(views.jobLight(job, jobs.observe(job)));
            }
            case "/v1/jobs/cancel" -> cancel(job(body));
            case "/v1/jobs/list" -> listJobs(body);
            case "/v1/jobs/list_for_workspaces" -> listJobsForWorkspaces(body);
            default -> Problems.notFoundPath(ApiFlavour.CONFIG, r.path());
        };
    }

    private StandInResponse sync(ScenarioConnection connection) {
        try {
            return jobInfo(creation.create(connection, "sync"), false);
        } catch (JobConflict conflict) {
            return conflict.reason() == JobConflict.Reason.ALREADY_RUNNING
                    ? Problems.knownException(
                            409, "io.airbyte.commons.server.errors.ValueConflictKnownException", conflict.getMessage())
                    : Problems.knownException(500, "java.lang.IllegalStateException", conflict.getMessage());
        }
    }

    /** Airbyte cancels whatever runs on the job's connection; a finished job just answers as it is. */
    private StandInResponse cancel(StandInJob job) {
        jobs.runningOn(job.connectionId()).ifPresent(jobs::cancel);
        return jobInfo(job, false);
    }

    private StandInResponse listJobs(JsonNode body) {
        List<String> configTypes = strings(body.path("configTypes"));
        String configId = body.path("configId").asText(null);
        List<String> statuses = strings(body.path("statuses"));
        boolean ascending = "ASC".equals(body.path("orderByMethod").asText());
        List<StandInJob> selected = new ArrayList<>(jobs.all().stream()
                .filter(j -> configId == null || j.connectionId().equals(configId))
                .filter(j -> configTypes.isEmpty() || configTypes.contains(ConfigApiViews.configType(j.jobType())))
                .filter(j ->
                        statuses.isEmpty() || statuses.contains(j.snapshot().status()))
                .toList());
        // Airbyte lists newest first unless told otherwise.
        selected.sort(
                ascending
                        ? Comparator.comparing(StandInJob::id)
                        : Comparator.comparing(StandInJob::id).reversed());
        ObjectNode result = Json.object();
        ArrayNode items = result.putArray("jobs");
        paged(body, selected).forEach(j -> items.add(views.jobWithAttempts(j, jobs.observe(j))));
        result.put("totalJobCount", selected.size());
        return StandInResponse.ok(result);
    }

    /**
     * Jobs of the given workspaces (all when none), {@code updatedAtStart}, {@code updatedAtEnd} and
     * {@code orderByField} honoured (the times not, when the server ignores them).
     */
    private StandInResponse listJobsForWorkspaces(JsonNode body) {
        if (!body.has("configTypes")) {
            throw new HttpProblem(Problems.badRequest(ApiFlavour.CONFIG, "configTypes is required."));
        }
        List<String> configTypes = strings(body.path("configTypes"));
        List<String> workspaceIds = strings(body.path("workspaceIds"));
        String start = body.path("updatedAtStart").asText(null);
        String field = body.path("orderByField").asText("createdAt");
        String order = field + "|" + body.path("orderByMethod").asText("DESC");
        List<StandInJob> selected = jobs.all().stream()
                .filter(j -> configTypes.isEmpty() || configTypes.contains(ConfigApiViews.configType(j.jobType())))
                .filter(j -> workspaceIds.isEmpty()
                        || workspaceIds.contains(j.connection().workspaceId()))
                .sorted(
                        order.endsWith("|ASC")
                                ? Comparator.comparing(StandInJob::id)
                                : Comparator.comparing(StandInJob::id).reversed())
                .toList();
        String end = body.path("updatedAtEnd").asText(null);
        boolean filtered = !views.timeFiltersIgnored();
        selected = PublicApi.changedSince(
                selected,
                views::shownUpdatedAt,
                start == null || !filtered ? null : java.time.Instant.parse(start),
                end == null || !filtered ? null : java.time.Instant.parse(end),
                field.equals("updatedAt") ? order : null);
        ObjectNode result = Json.object();
        ArrayNode items = result.putArray("jobs");
        paged(body, selected).forEach(j -> items.add(views.jobWithAttempts(j, jobs.observe(j))));
        result.put("totalJobCount", selected.size());
        return StandInResponse.ok(result);
    }

    private StandInResponse jobInfo(StandInJob job, boolean withLogs) {
        return StandInResponse.ok(views.jobInfo(job, jobs.observe(job), withLogs));
    }

    private StandInResponse workspaces(List<ScenarioWorkspace> list) {
        ObjectNode result = Json.object();
        ArrayNode items = result.putArray("workspaces");
        list.forEach(w -> items.add(views.workspace(w)));
        return StandInResponse.ok(result);
    }

    private StandInResponse connections(List<ScenarioConnection> list) {
        ObjectNode result = Json.object();
        ArrayNode items = result.putArray("connections");
        list.forEach(c -> items.add(views.connection(c)));
        return StandInResponse.ok(result);
    }

    private List<ScenarioWorkspace> selectedWorkspaces(JsonNode body) {
        List<String> ids = strings(body.path("workspaceIds"));
        String nameContains = body.path("nameContains").asText(null);
        return scenario.workspaces().stream()
                .filter(w -> ids.isEmpty() || ids.contains(w.id()))
                .filter(w -> nameContains == null || w.name().toLowerCase().contains(nameContains.toLowerCase()))
                .toList();
    }

    private List<ScenarioConnection> connectionsIn(List<String> workspaceIds) {
        return scenario.connections().stream()
                .filter(c -> workspaceIds.isEmpty() || workspaceIds.contains(c.workspaceId()))
                .filter(c -> !c.status().equals("deprecated"))
                .toList();
    }

    private ScenarioConnection connection(String id) {
        return Optional.ofNullable(connections.get(id))
                .orElseThrow(() -> new HttpProblem(StandInResponse.json(
                        404,
                        Json.object()
                                .put("id", id)
                                .put("message", "Could not find configuration for STANDARD_SYNC: " + id + "."))));
    }

    /** An unknown id answers 500 here, not 404: that is what Airbyte does. */
    private StandInJob job(JsonNode body) {
        long id = body.path("id").asLong(-1);
        return jobs.get(id)
                .orElseThrow(() -> new HttpProblem(Problems.knownException(
                        500,
                        "java.lang.RuntimeException",
                        "Internal Server Error: Could not find job with id: " + id)));
    }

    private static <T> List<T> paged(JsonNode body, List<T> all) {
        JsonNode pagination = body.path("pagination");
        int size = pagination.path("pageSize").asInt(all.size() == 0 ? 1 : all.size());
        int offset = pagination.path("rowOffset").asInt(0);
        return Page.of(all, offset, Math.max(1, size)).items();
    }

    private static String required(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            throw new HttpProblem(Problems.badRequest(ApiFlavour.CONFIG, field + " is required."));
        }
        return body.get(field).asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }
}
