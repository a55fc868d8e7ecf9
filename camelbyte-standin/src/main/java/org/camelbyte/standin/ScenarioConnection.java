package org.camelbyte.standin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A connection of the scenario. {@code workspace} names a workspace (by name or id); {@code job} is the
 * script every sync of this connection plays. Missing ids are derived from workspace and name so they stay
 * the same across restarts.
 */
public record ScenarioConnection(
        String id,
        String name,
        String workspace,
        String status,
        String namespace,
        String prefix,
        List<String> streams,
        List<JobPhase> job) {

    private static final Set<String> STATUSES = Set.of("active", "inactive", "deprecated", "locked");

    static final List<JobPhase> DEFAULT_SYNC_SCRIPT =
            List.of(JobPhase.of("pending", 1), JobPhase.of("running", 4), JobPhase.of("succeeded", 0));

    /** Resets and clears write no rows and end quickly. */
    static final List<JobPhase> RESET_SCRIPT =
            List.of(new JobPhase("running", 1d, 0L, 0L, null), JobPhase.of("succeeded", 0));

    public ScenarioConnection {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every connection needs a name");
        }
        status = status == null ? "active" : status.trim().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException(
                    "connection '" + name + "' has status '" + status + "', not one of " + STATUSES);
        }
        prefix = prefix == null ? "" : prefix;
        streams = streams == null || streams.isEmpty() ? List.of("default") : List.copyOf(streams);
        job = job == null || job.isEmpty() ? DEFAULT_SYNC_SCRIPT : List.copyOf(job);
        if (!job.get(job.size() - 1).isTerminal()) {
            throw new IllegalArgumentException(
                    "the job script of connection '" + name + "' must end with succeeded, failed or cancelled");
        }
    }

    ScenarioConnection inWorkspace(ScenarioWorkspace ws) {
        String resolvedId = id != null && !id.isBlank()
                ? id
                : UUID.nameUUIDFromBytes(("connection:" + ws.name() + "/" + name).getBytes(StandardCharsets.UTF_8))
                        .toString();
        return new ScenarioConnection(resolvedId, name, ws.id(), status, namespace, prefix, streams, job);
    }

    /** The workspace id, once the scenario has resolved it. */
    public String workspaceId() {
        return workspace;
    }

    public boolean isActive() {
        return status.equals("active");
    }

    String sourceId() {
        return UUID.nameUUIDFromBytes(("source:" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    String destinationId() {
        return UUID.nameUUIDFromBytes(("destination:" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    List<JobPhase> scriptFor(String jobType) {
        return jobType.equals("sync") ? job : RESET_SCRIPT;
    }
}
