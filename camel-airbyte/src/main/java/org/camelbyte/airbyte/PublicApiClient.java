package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Airbyte's public REST API: Cloud ({@code https://api.airbyte.com/v1}) or {@code <host>/api/public/v1}. */
public final class PublicApiClient implements AirbyteClient {
    static final int PAGE_SIZE = 100;
    private static final String NEWEST_FIRST = "createdAt|DESC";
    /** A connection rarely has more non-terminal jobs than this; the running one is among the newest. */
    private static final int RECENT_JOBS = 20;

    private static final String NEWEST_CHANGE_FIRST = "updatedAt|DESC";

    private final ChangeListing changes = new ChangeListing(PAGE_SIZE);

    private final AirbyteHttp http;
    private final String workspace;
    /**
     * The configured workspace's id, resolved on the first look of the watcher or of a start's baseline (null:
     * every visible workspace).
     */
    private volatile List<String> watchedWorkspaceIds;

    PublicApiClient(AirbyteSettings settings, AirbyteHttp http) {
        this.http = http;
        this.workspace = settings.workspace();
    }

    @Override
    public List<AirbyteConnection> listConnections() {
        List<WorkspaceRef> visible = visibleWorkspaces();
        Map<String, String> names = visible.stream()
                .collect(Collectors.toMap(WorkspaceRef::id, w -> String.valueOf(w.name()), (a, b) -> a));
        if (workspace == null) {
            // No workspaceIds: the API answers with every workspace the credentials may see.
            return readAllPages(Query.path("/connections"), node -> PublicApiReader.connection(node, names));
        }
        List<AirbyteConnection> connections = new ArrayList<>();
        for (WorkspaceRef chosen : WorkspaceRef.select(visible, workspace)) {
            connections.addAll(readAllPages(
                    Query.path("/connections").with("workspaceIds", chosen.id()),
                    node -> PublicApiReader.connection(node, names)));
        }
        return connections;
    }

    @Override
    public TriggeredJob startJob(String connectionId, JobType type) {
        ApiRequest request = ApiRequest.createJob(
                "/jobs", Json.object().put("connectionId", connectionId).put("jobType", type.wireName()));
        ApiAnswer answer = http.exchange(request);
        if (answer.isSuccess()) {
            return new TriggeredJob(PublicApiReader.job(answer.json(), connectionId), false);
        }
        if (answer.status() == 409 && ConflictReading.inactiveConnection(answer)) {
            throw ConflictReading.inactive(http.failures(), request, answer, connectionId);
        }
        if (answer.status() == 409 && ConflictReading.alreadyRunning(answer)) {
            return new TriggeredJob(runningJob(connectionId, type, request), true);
        }
        throw http.failures().fromAnswer(request, answer);
    }

    /**
     * Lists the newest jobs without a status filter: one call sees pending, queued, running and
     * incomplete alike, where filtering would need a call per status.
     */
    private AirbyteJob runningJob(String connectionId, JobType type, ApiRequest refused) {
        return JobPicks.runningOfType(
                recentJobs(connectionId, null, RECENT_JOBS),
                type,
                http.failures().where(refused),
                connectionId);
    }

    @Override
    public Optional<Long> newestJobId(String connectionId) {
        return recentJobs(connectionId, null, 1).stream().map(AirbyteJob::jobId).findFirst();
    }

    /**
     * {@code GET /jobs?orderBy=createdAt|DESC&limit=1} with no connection, of the configured workspace (the
     * watcher's {@code workspaceIds}) or of every workspace the credentials see.
     */
    @Override
    public OptionalLong newestJobIdOverall() {
        Query query = Query.path("/jobs").with("orderBy", NEWEST_FIRST).with("limit", 1);
        workspaceIds().forEach(id -> query.with("workspaceIds", id));
        long newest = 0;
        for (JsonNode node : Json.array(http.call(ApiRequest.get(query.toString())), "data")) {
            newest = Math.max(newest, Json.number(node, "jobId"));
        }
        return OptionalLong.of(newest);
    }

    @Override
    public List<AirbyteJob> jobsAfter(String connectionId, JobType type, long afterJobId) {
        return JobPicks.after(recentJobs(connectionId, type, RECENT_JOBS), connectionId, type, afterJobId);
    }

    @Override
    public Optional<AirbyteJob> findJobCreatedSince(String connectionId, JobType type, Instant since) {
        return JobPicks.createdSince(recentJobs(connectionId, type, 1), connectionId, type, since);
    }

    private List<AirbyteJob> recentJobs(String connectionId, JobType type, int limit) {
        Query query = Query.path("/jobs")
                .with("connectionId", connectionId)
                .with("jobType", type == null ? null : type.wireName())
                .with("orderBy", NEWEST_FIRST)
                .with("limit", limit);
        List<AirbyteJob> jobs = new ArrayList<>();
        for (JsonNode node : Json.array(http.call(ApiRequest.get(query.toString())), "data")) {
            jobs.add(PublicApiReader.job(node, connectionId));
        }
        return jobs;
    }

    @Override
    public AirbyteJob getJob(long jobId) {
        ApiRequest request = ApiRequest.get("/jobs/" + jobId);
        ApiAnswer answer = http.exchange(request);
        if (answer.status() == 404) {
            throw http.failures()
                    .rejected(
                            request,
                            404,
                            "",
                            "Airbyte has no job " + jobId
                                    + "; check the job id (a run record may point at a job of another Airbyte instance)");
        }
        if (!answer.isSuccess()) {
            throw http.failures().fromAnswer(request, answer);
        }
        return PublicApiReader.job(answer.json(), null);
    }

    @Override
    public void cancelJob(long jobId) {
        http.call(ApiRequest.delete("/jobs/" + jobId));
    }

    /**
     * {@code GET /jobs?updatedAtStart=&orderBy=updatedAt|DESC}, page by page up to {@code maxPages}: one call per
     * 100 changed jobs, however many jobs are followed. Without a configured workspace the API answers for every workspace the credentials see.
     */
    @Override
    public JobListing listJobsChangedSince(
            Instant since,
            Set<String> connectionIds,
            int maxPages,
            Consumer<AirbyteJob> each,
            BooleanSupplier seenEnough) {
        return changes.list(
                since,
                maxPages,
                offset -> {
                    Query query = Query.path("/jobs")
                            .with("updatedAtStart", since.toString())
                            .with("orderBy", NEWEST_CHANGE_FIRST);
                    workspaceIds().forEach(id -> query.with("workspaceIds", id));
                    JsonNode json = http.call(ApiRequest.get(query.with("limit", PAGE_SIZE)
                            .with("offset", offset)
                            .toString()));
                    List<AirbyteJob> jobs = new ArrayList<>();
                    for (JsonNode node : Json.array(json, "data")) {
                        jobs.add(PublicApiReader.job(node, null));
                    }
                    String next = Json.text(json, "next");
                    return new ChangeListing.Page(jobs, next != null && !next.isBlank());
                },
                each,
                seenEnough);
    }

    private List<String> workspaceIds() {
        if (workspace == null) {
            return List.of();
        }
        if (watchedWorkspaceIds == null) {
            watchedWorkspaceIds = WorkspaceRef.select(visibleWorkspaces(), workspace).stream()
                    .map(WorkspaceRef::id)
                    .toList();
        }
        return watchedWorkspaceIds;
    }

    private List<WorkspaceRef> visibleWorkspaces() {
        return readAllPages(
                Query.path("/workspaces"),
                node -> new WorkspaceRef(Json.text(node, "workspaceId"), Json.text(node, "name")));
    }

    /** Reads {@code limit}/{@code offset} pages until a short page or one without {@code next}. */
    private <T> List<T> readAllPages(Query query, Function<JsonNode, T> reader) {
        List<T> all = new ArrayList<>();
        readPages(query, node -> all.add(reader.apply(node)));
        return all;
    }

    /** Hands each item to {@code each} as its page arrives, until a short page or one without {@code next}. */
    private void readPages(Query query, Consumer<JsonNode> each) {
        for (int offset = 0; ; offset += PAGE_SIZE) {
            String page = query.toString() + (query.toString().contains("?") ? "&" : "?") + "limit=" + PAGE_SIZE
                    + "&offset=" + offset;
            JsonNode json = http.call(ApiRequest.get(page));
            int count = 0;
            for (JsonNode node : Json.array(json, "data")) {
                each.accept(node);
                count++;
            }
            String next = Json.text(json, "next");
            if (count < PAGE_SIZE || next == null || next.isBlank()) {
                return;
            }
        }
    }
}
