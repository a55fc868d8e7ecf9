package org.camelbyte.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The public API under {@code /api/public/v1}: workspaces, connections, jobs, and the read side orchestrators
 * call besides (a source and a destination per connection, the streams of each).
 */
final class PublicApi {

    private static final Set<String> JOB_TYPES = Set.of("sync", "reset", "clear");

    private final StandInScenario scenario;
    private final JobStore jobs;
    private final JobCreation creation;
    private final PublicApiViews views;
    private final String baseUrl;

    private final Map<String, ScenarioConnection> connections;

    PublicApi(StandInScenario scenario, JobStore jobs, JobCreation creation, PublicApiViews views, String baseUrl) {
        this.connections = scenario.connectionsById();
        this.scenario = scenario;
        this.jobs = jobs;
        this.creation = creation;
        this.views = views;
        this.baseUrl = baseUrl;
    }

    StandInResponse handle(StandInRequest r) {
        String route = r.method() + " " + r.path();
        if (route.equals("GET /health")) {
            return StandInResponse.ok(Json.object().put("available", true));
        }
        if (route.equals("GET /workspaces")) {
            return listWorkspaces(r);
        }
        if (route.equals("GET /connections")) {
            return listConnections(r);
        }
        if (r.method().equals("GET") && r.path().startsWith("/workspaces/")) {
            String id = r.path().substring("/workspaces/".length());
            return scenario.workspaces().stream()
                    .filter(w -> w.id().equals(id))
                    .findFirst()
                    .map(w -> StandInResponse.ok(views.workspace(w)))
                    .orElseThrow(() -> new HttpProblem(Problems.resourceNotFound("Workspace", id)));
        }
        if (route.equals("GET /sources")) {
            return page(r, "/sources", connectionsOfWorkspaces(r), views::source);
        }
        if (route.equals("GET /destinations")) {
            return page(r, "/destinations", connectionsOfWorkspaces(r), views::destination);
        }
        if (r.method().equals("GET") && r.path().startsWith("/sources/")) {
            String id = r.path().substring("/sources/".length());
            return StandInResponse.ok(views.source(connectionWith(ScenarioConnection::sourceId, id, "Source")));
        }
        if (r.method().equals("GET") && r.path().startsWith("/destinations/")) {
            String id = r.path().substring("/destinations/".length());
            return StandInResponse.ok(
                    views.destination(connectionWith(ScenarioConnection::destinationId, id, "Destination")));
        }
        if (route.equals("GET /streams")) {
            String sourceId = r.queryParam("sourceId");
            if (sourceId == null) {
                throw new HttpProblem(Problems.badRequest(ApiFlavour.PUBLIC, "sourceId is required."));
            }
            return StandInResponse.ok(views.streams(connectionWith(ScenarioConnection::sourceId, sourceId, "Source")));
        }
        if (r.method().equals("GET") && r.path().startsWith("/connections/")) {
            String id = r.path().substring("/connections/".length());
            return Optional.ofNullable(connections.get(id))
                    .map(c -> StandInResponse.ok(views.connection(c)))
                    .orElseThrow(() -> new HttpProblem(Problems.resourceNotFound("Connection", id)));
        }
        if (route.equals("POST /jobs")) {
            return createJob(r);
        }
        if (route.equals("GET /jobs")) {
            return listJobs(r);
        }
        if (r.path().startsWith("/jobs/")
                && (r.method().equals("GET") || r.method().equals("DELETE"))) {
            StandInJob job = jobById(r.path().substring("/jobs/".length()));
            if (r.method().equals("DELETE")) {
                jobs.cancel(job);
            }
            return StandInResponse.ok(views.job(job, jobs.observe(job)));
        }
        return Problems.notFoundPath(ApiFlavour.PUBLIC, r.path());
    }

    private StandInResponse listWorkspaces(StandInRequest r) {
        List<String> ids = r.queryList("workspaceIds");
        List<ScenarioWorkspace> selected = scenario.workspaces().stream()
                .filter(w -> ids.isEmpty() || ids.contains(w.id()))
                .toList();
        return page(r, "/workspaces", selected, views::workspace);
    }

    /** The connections of the asked workspaces (all without the filter): each has its own source and destination. */
    private List<ScenarioConnection> connectionsOfWorkspaces(StandInRequest r) {
        List<String> ids = r.queryList("workspaceIds");
        return scenario.connections().stream()
                .filter(c -> ids.isEmpty() || ids.contains(c.workspaceId()))
                .toList();
    }

    private ScenarioConnection connectionWith(Function<ScenarioConnection, String> idOf, String id, String kind) {
        return scenario.connections().stream()
                .filter(c -> idOf.apply(c).equals(id))
                .findFirst()
                .orElseThrow(() -> new HttpProblem(Problems.resourceNotFound(kind, id)));
    }

    private StandInResponse listConnections(StandInRequest r) {
        List<String> ids = r.queryList("workspaceIds");
        boolean includeDeleted = Boolean.parseBoolean(r.queryParam("includeDeleted"));
        List<ScenarioConnection> selected = scenario.connections().stream()
                .filter(c -> ids.isEmpty() || ids.contains(c.workspaceId()))
                .filter(c -> includeDeleted || !c.status().equals("deprecated"))
                .toList();
        return page(r, "/connections", selected, views::connection);
    }

    private StandInResponse createJob(StandInRequest r) {
        JsonNode body = r.json();
        String connectionId = body.path("connectionId").asText(null);
        String jobType = body.path("jobType").asText(null);
        if (connectionId == null || jobType == null) {
            throw new HttpProblem(Problems.badRequest(ApiFlavour.PUBLIC, "connectionId and jobType are required."));
        }
        if (jobType.equals("refresh")) {
            return Problems.problem(
                    422,
                    "unprocessable-entity",
                    "unprocessable-entity",
                    "The body of the request was not understood",
                    "Refresh jobs cannot be started through this API.");
        }
        if (!JOB_TYPES.contains(jobType)) {
            throw new HttpProblem(Problems.badRequest(ApiFlavour.PUBLIC, "jobType must be one of sync, reset, clear."));
        }
        ScenarioConnection connection = Optional.ofNullable(connections.get(connectionId))
                .orElseThrow(() -> new HttpProblem(Problems.resourceNotFound("Connection", connectionId)));
        try {
            StandInJob job = creation.create(connection, jobType);
            return StandInResponse.ok(views.job(job, jobs.observe(job)));
        } catch (JobConflict conflict) {
            return conflict.reason() == JobConflict.Reason.ALREADY_RUNNING
                    ? Problems.problem(
                            409,
                            "try-again-later",
                            "try-again-later",
                            "A sync is already running for this connection; try again later.",
                            conflict.getMessage())
                    : Problems.problem(
                            409,
                            "409-state-conflict",
                            "state-conflict",
                            "Connection " + connectionId + " is " + connection.status()
                                    + "; only an active connection can run jobs.",
                            conflict.getMessage());
        }
    }

    private StandInResponse listJobs(StandInRequest r) {
        String connectionId = r.queryParam("connectionId");
        String status = r.queryParam("status");
        String jobType = r.queryParam("jobType");
        // a server that ignores them still refuses ones it cannot read
        boolean filtered = !views.timeFiltersIgnored();
        Instant createdAtStart = filtered ? instantParam(r, "createdAtStart") : null;
        Instant createdAtEnd = filtered ? instantParam(r, "createdAtEnd") : null;
        Instant updatedAtStart = instantParam(r, "updatedAtStart");
        Instant updatedAtEnd = instantParam(r, "updatedAtEnd");
        Predicate<StandInJob> inWorkspaces = inWorkspaces(r.queryList("workspaceIds"));
        Predicate<StandInJob> keep =
                j -> (connectionId == null || j.connectionId().equals(connectionId))
                        && (jobType == null || j.jobType().equals(jobType))
                        && (createdAtStart == null || !views.shownCreatedAt(j).isBefore(createdAtStart))
                        && (createdAtEnd == null || !views.shownCreatedAt(j).isAfter(createdAtEnd))
                        && (status == null || j.snapshot().status().equals(status))
                        && inWorkspaces.test(j);
        String orderBy = r.queryParam("orderBy");
        List<StandInJob> selected;
        if (orderBy != null && orderBy.toUpperCase(Locale.ROOT).equals("UPDATEDAT|DESC")) {
            // the job watcher's listing: read from the index up to the page's end, and one more to tell of a next
            long pageEnd = (long) Math.max(0, intParam(r, "offset", 0)) + Math.max(0, intParam(r, "limit", 20)) + 1;
            int upTo = (int) Math.min(Integer.MAX_VALUE, pageEnd);
            Instant start = filtered ? updatedAtStart : null;
            Instant end = filtered ? updatedAtEnd : null;
            selected = jobs.newestChangesFirst(views::shown, start, end, keep, upTo);
        } else {
            // ordered once, by update or by creation: sorting 10,000 jobs by creation for every page of a listing
            // by update cost the stand-in seconds a look, which no database with an index spends
            selected = byCreation(jobs.all().stream().filter(keep).toList(), orderBy, views);
            selected = changedSince(
                    selected,
                    views::shownUpdatedAt,
                    filtered ? updatedAtStart : null,
                    filtered ? updatedAtEnd : null,
                    orderBy);
        }
        return page(r, "/jobs", selected, j -> views.job(j, jobs.observe(j)));
    }

    private Predicate<StandInJob> inWorkspaces(List<String> workspaceIds) {
        return j ->
                workspaceIds.isEmpty() || workspaceIds.contains(j.connection().workspaceId());
    }

    /**
     * {@code updatedAtStart}, {@code updatedAtEnd} and {@code orderBy=updatedAt|ASC|DESC}: each job's last change is computed once
     * per call, so listing thousands of jobs stays cheap. Compared as the server shows the time (its clock, its
     * precision); ordered by the time it keeps (Airbyte's database orders by its updated_at column, to the
     * microsecond, though its answers show whole seconds); ties by id.
     */
    static List<StandInJob> changedSince(
            List<StandInJob> jobs,
            Function<StandInJob, Instant> shown,
            Instant updatedAtStart,
            Instant updatedAtEnd,
            String orderBy) {
        boolean byUpdate = orderBy != null && orderBy.startsWith("updatedAt");
        if (updatedAtStart == null && updatedAtEnd == null && !byUpdate) {
            return jobs;
        }
        // each job's times read once, and only the jobs the filter keeps sorted: a look's every page lists again
        // (as a database runs the query again), and sorting 10,000 jobs through map lookups for each page took
        // over a quarter of the benchmark JVM's samples at N = 10,000, where a database would use an index
        Comparator<Changed> byChange =
                Comparator.comparing(Changed::stored).thenComparing(c -> c.job().id());
        return jobs.stream()
                .map(j -> new Changed(j, j.updatedAt(), shown.apply(j)))
                .filter(c -> updatedAtStart == null || !c.shown().isBefore(updatedAtStart))
                .filter(c -> updatedAtEnd == null || !c.shown().isAfter(updatedAtEnd))
                .sorted(
                        !byUpdate
                                ? (a, b) -> 0
                                : orderBy.toUpperCase(Locale.ROOT).endsWith("|DESC") ? byChange.reversed() : byChange)
                .map(Changed::job)
                .toList();
    }

    /** A job's last change as the server keeps it (ordering) and as it shows it (filters). */
    private record Changed(StandInJob job, Instant stored, Instant shown) {}

    /**
     * {@code createdAt|DESC} style; oldest first when absent, as Airbyte does. By the creation time the server
     * shows, ties (same minute) broken by id, as a database ordering by a coarse column would; each job's shown
     * time computed once. A listing ordered by update ({@link #changedSince}) is left as it is.
     */
    private static List<StandInJob> byCreation(List<StandInJob> jobs, String orderBy, PublicApiViews views) {
        if (orderBy != null && orderBy.startsWith("updatedAt")) {
            return jobs;
        }
        Map<StandInJob, Instant> created = new java.util.IdentityHashMap<>();
        jobs.forEach(j -> created.put(j, views.shownCreatedAt(j)));
        Comparator<StandInJob> byCreation =
                Comparator.comparing((StandInJob j) -> created.get(j)).thenComparing(StandInJob::id);
        return jobs.stream()
                .sorted(
                        orderBy != null && orderBy.toUpperCase(Locale.ROOT).endsWith("|DESC")
                                ? byCreation.reversed()
                                : byCreation)
                .toList();
    }

    private StandInJob jobById(String text) {
        try {
            long id = Long.parseLong(text);
            return jobs.get(id).orElseThrow(() -> new HttpProblem(Problems.resourceNotFound("Job", text)));
        } catch (NumberFormatException e) {
            throw new HttpProblem(Problems.badRequest(ApiFlavour.PUBLIC, "jobId must be a number."));
        }
    }

    private <T> StandInResponse page(StandInRequest r, String path, List<T> all, Function<T, ObjectNode> view) {
        int limit = intParam(r, "limit", 20);
        int offset = intParam(r, "offset", 0);
        if (limit < 1 || limit > 100 || offset < 0) {
            throw new HttpProblem(
                    Problems.badRequest(ApiFlavour.PUBLIC, "limit must be 1 to 100 and offset 0 or more."));
        }
        Page<T> page = Page.of(all, offset, limit);
        ObjectNode body = Json.object();
        if (page.hasMore()) {
            body.put("next", link(r, path, limit, offset + limit));
        }
        if (offset > 0) {
            body.put("previous", link(r, path, limit, Math.max(0, offset - limit)));
        }
        ArrayNode data = body.putArray("data");
        page.items().forEach(item -> data.add(view.apply(item)));
        return StandInResponse.ok(body);
    }

    /** Same query with limit and offset moved, so a client can follow {@code next} blindly. */
    private String link(StandInRequest r, String path, int limit, int offset) {
        Map<String, List<String>> query = new LinkedHashMap<>(r.query());
        query.put("limit", List.of(String.valueOf(limit)));
        query.put("offset", List.of(String.valueOf(offset)));
        String text = query.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return baseUrl + path + "?" + text;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int intParam(StandInRequest r, String name, int fallback) {
        String value = r.queryParam(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new HttpProblem(Problems.badRequest(ApiFlavour.PUBLIC, name + " must be a number."));
        }
    }

    private static Instant instantParam(StandInRequest r, String name) {
        String value = r.queryParam(name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new HttpProblem(Problems.badRequest(ApiFlavour.PUBLIC, name + " must be an ISO-8601 date-time."));
        }
    }
}
