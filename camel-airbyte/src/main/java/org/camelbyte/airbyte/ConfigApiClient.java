package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The Config API of self-managed Airbyte ({@code <host>/api/v1}): POST-only RPC, epoch-second times. */
public final class ConfigApiClient implements AirbyteClient {
    /** A connection rarely has more non-terminal jobs than this; the running one is among the newest. */
    private static final int RECENT_JOBS = 20;
    /** A followed job is among its connection's newest: one runs at a time, and a reset replaces it. */
    private static final int PER_CONNECTION_JOBS = 3;

    private static final List<String> JOB_CONFIG_TYPES = List.of("sync", "reset_connection", "clear", "refresh");
    /** The Config API answers 500 for an unknown job id; these phrases tell that apart from a real failure. */
    private static final Pattern NOT_FOUND =
            Pattern.compile("not found|could not find|no such|does not exist|notfound", Pattern.CASE_INSENSITIVE);

    private final AirbyteHttp http;
    private final String workspace;
    private final ConfigWorkspaces workspaces;
    /**
     * Servers before {@code jobs/list_for_workspaces} answer 404 to it; then jobs are listed, and baselines
     * read, per connection.
     */
    private volatile boolean perConnectionListing;

    private volatile List<String> watchedWorkspaceIds;

    private final ChangeListing changes = new ChangeListing(PublicApiClient.PAGE_SIZE);

    ConfigApiClient(AirbyteSettings settings, AirbyteHttp http) {
        this.http = http;
        this.workspace = settings.workspace();
        this.workspaces = new ConfigWorkspaces(http, settings.workspaceListing(), settings.workspace());
    }

    @Override
    public List<AirbyteConnection> listConnections() {
        List<AirbyteConnection> connections = new ArrayList<>();
        for (WorkspaceRef chosen : WorkspaceRef.select(workspaces.list(), workspace)) {
            JsonNode list =
                    http.call(ApiRequest.post("/connections/list", Json.object().put("workspaceId", chosen.id())));
            for (JsonNode node : Json.array(list, "connections")) {
                connections.add(ConfigApiReader.connection(node, chosen));
            }
        }
        return connections;
    }

    @Override
    public TriggeredJob startJob(String connectionId, JobType type) {
        ApiRequest request = ApiRequest.createJob(
                "/connections/" + type.wireName(), Json.object().put("connectionId", connectionId));
        ApiAnswer answer = http.exchange(request);
        if (answer.isSuccess()) {
            return new TriggeredJob(ConfigApiReader.job(answer.json()), false);
        }
        if ((answer.status() == 409 || answer.status() >= 500) && ConflictReading.inactiveConnection(answer)) {
            throw ConflictReading.inactive(http.failures(), request, answer, connectionId);
        }
        if (answer.status() == 409) {
            return new TriggeredJob(runningJob(connectionId, type, request), true);
        }
        throw http.failures().fromAnswer(request, answer);
    }

    private AirbyteJob runningJob(String connectionId, JobType type, ApiRequest refused) {
        return JobPicks.runningOfType(
                recentJobs(connectionId, JOB_CONFIG_TYPES, RECENT_JOBS),
                type,
                http.failures().where(refused),
                connectionId);
    }

    @Override
    public Optional<Long> newestJobId(String connectionId) {
        return recentJobs(connectionId, JOB_CONFIG_TYPES, 1).stream()
                .map(AirbyteJob::jobId)
                .findFirst();
    }

    /**
     * {@code jobs/list_for_workspaces} of the watched workspaces, newest first, one job; empty (ask per
     * connection) on a server without it, which answers 404 (remembered, as the watcher does).
     */
    @Override
    public OptionalLong newestJobIdOverall() {
        if (perConnectionListing) {
            return OptionalLong.empty();
        }
        ObjectNode body = Json.object();
        JOB_CONFIG_TYPES.forEach(body.putArray("configTypes")::add);
        workspaceIds().forEach(body.putArray("workspaceIds")::add);
        body.putObject("pagination").put("pageSize", 1).put("rowOffset", 0);
        body.put("orderByField", "createdAt").put("orderByMethod", "DESC");
        ApiRequest request = ApiRequest.post("/jobs/list_for_workspaces", body);
        ApiAnswer answer = http.exchange(request);
        if (answer.status() == 404) {
            perConnectionListing = true;
            return OptionalLong.empty();
        }
        if (!answer.isSuccess()) {
            throw http.failures().fromAnswer(request, answer);
        }
        long newest = 0;
        for (JsonNode node : Json.array(answer.json(), "jobs")) {
            newest = Math.max(newest, Json.number(node.path("job"), "id"));
        }
        return OptionalLong.of(newest);
    }

    @Override
    public List<AirbyteJob> jobsAfter(String connectionId, JobType type, long afterJobId) {
        return JobPicks.after(
                recentJobs(connectionId, List.of(JobTypes.configApiName(type)), RECENT_JOBS),
                connectionId,
                type,
                afterJobId);
    }

    @Override
    public Optional<AirbyteJob> findJobCreatedSince(String connectionId, JobType type, Instant since) {
        return JobPicks.createdSince(
                recentJobs(connectionId, List.of(JobTypes.configApiName(type)), 1), connectionId, type, since);
    }

    private List<AirbyteJob> recentJobs(String connectionId, List<String> configTypes, int limit) {
        ObjectNode body = Json.object().put("configId", connectionId);
        configTypes.forEach(body.putArray("configTypes")::add);
        body.putObject("pagination").put("pageSize", limit).put("rowOffset", 0);
        body.put("orderByField", "createdAt").put("orderByMethod", "DESC");
        List<AirbyteJob> jobs = new ArrayList<>();
        for (JsonNode node : Json.array(http.call(ApiRequest.post("/jobs/list", body)), "jobs")) {
            jobs.add(ConfigApiReader.job(node));
        }
        return jobs;
    }

    /** {@code get_without_logs}: attempts and stats without {@code /jobs/get}'s every log line. */
    @Override
    public AirbyteJob getJob(long jobId) {
        ApiRequest request =
                ApiRequest.post("/jobs/get_without_logs", Json.object().put("id", jobId));
        ApiAnswer answer = http.exchange(request);
        if (answer.status() == 404
                || (answer.status() >= 500
                        && NOT_FOUND.matcher(answer.errorDetail()).find())) {
            throw http.failures()
                    .rejected(
                            request,
                            answer.status(),
                            ": " + http.failures().detail(answer),
                            "Airbyte has no job " + jobId
                                    + "; check the job id (a run record may point at a job of another Airbyte instance)");
        }
        if (!answer.isSuccess()) {
            throw http.failures().fromAnswer(request, answer);
        }
        return ConfigApiReader.job(answer.json());
    }

    /**
     * {@code jobs/list_for_workspaces} filtered by {@code updatedAtStart}, newest change first, up to {@code
     * maxPages}; on a server without it (404, remembered), the newest jobs of each followed connection.
     */
    @Override
    public JobListing listJobsChangedSince(
            Instant since,
            Set<String> connectionIds,
            int maxPages,
            Consumer<AirbyteJob> each,
            BooleanSupplier seenEnough) {
        if (!perConnectionListing) {
            JobListing listing = changes.list(since, maxPages, offset -> changesPage(since, offset), each, seenEnough);
            if (listing != null) {
                return listing;
            }
        }
        for (String connectionId : connectionIds) {
            recentJobs(connectionId, JOB_CONFIG_TYPES, PER_CONNECTION_JOBS).forEach(each);
        }
        return new JobListing(connectionIds.size(), true, false, false, null);
    }

    /** One page of changed jobs; null when the server has no {@code jobs/list_for_workspaces} (remembered). */
    private ChangeListing.Page changesPage(Instant since, int offset) {
        ObjectNode body = Json.object();
        JOB_CONFIG_TYPES.forEach(body.putArray("configTypes")::add);
        workspaceIds().forEach(body.putArray("workspaceIds")::add);
        body.put("updatedAtStart", since.toString())
                .put("orderByField", "updatedAt")
                .put("orderByMethod", "DESC");
        body.putObject("pagination").put("pageSize", PublicApiClient.PAGE_SIZE).put("rowOffset", offset);
        ApiRequest request = ApiRequest.post("/jobs/list_for_workspaces", body);
        ApiAnswer answer = http.exchange(request);
        if (answer.status() == 404) {
            perConnectionListing = true;
            return null;
        }
        if (!answer.isSuccess()) {
            throw http.failures().fromAnswer(request, answer);
        }
        List<AirbyteJob> jobs = new ArrayList<>();
        for (JsonNode node : Json.array(answer.json(), "jobs")) {
            jobs.add(ConfigApiReader.job(node));
        }
        // the Config API sends no link to a next page: a full page may have one
        return new ChangeListing.Page(jobs, true);
    }

    private List<String> workspaceIds() {
        if (watchedWorkspaceIds == null) {
            watchedWorkspaceIds = WorkspaceRef.select(workspaces.list(), workspace).stream()
                    .map(WorkspaceRef::id)
                    .toList();
        }
        return watchedWorkspaceIds;
    }

    /** Cancelling a finished job answers 200 in the Config API, so a late cancel is harmless. */
    @Override
    public void cancelJob(long jobId) {
        http.call(ApiRequest.post("/jobs/cancel", Json.object().put("id", jobId)));
    }
}
