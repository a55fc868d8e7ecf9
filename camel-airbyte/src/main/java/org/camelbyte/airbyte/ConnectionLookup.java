package org.camelbyte.airbyte;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves a connection name (or id) to one connection through a cache of {@link AirbyteClient#listConnections()}.
 * The cache lives for a TTL and is also refreshed when a name is missing, so a connection created in Airbyte
 * a minute ago is found; one refresh runs at a time and callers waiting on it reuse its result. A miss
 * refreshes at most once per {@code missRefresh}, so a schedule naming a connection that does not exist
 * does not list every workspace on each run.
 */
public final class ConnectionLookup {
    /** The listing, indexed by name and by id: thousands of runs resolve names against thousands of connections. */
    private record Snapshot(
            List<AirbyteConnection> connections,
            Map<String, List<AirbyteConnection>> byName,
            Map<String, List<AirbyteConnection>> byId,
            Instant readAt) {
        static Snapshot of(List<AirbyteConnection> connections, Instant readAt) {
            return new Snapshot(
                    List.copyOf(connections),
                    connections.stream()
                            .filter(c -> c.name() != null)
                            .collect(Collectors.groupingBy(AirbyteConnection::name)),
                    connections.stream()
                            .filter(c -> c.connectionId() != null)
                            .collect(Collectors.groupingBy(c -> c.connectionId().toLowerCase(Locale.ROOT))),
                    readAt);
        }
    }

    public static final Duration DEFAULT_MISS_REFRESH = Duration.ofSeconds(30);

    private final AirbyteClient client;
    private final Duration ttl;
    private final Duration missRefresh;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public ConnectionLookup(AirbyteClient client, Duration ttl) {
        this(client, ttl, DEFAULT_MISS_REFRESH, Clock.systemUTC());
    }

    public ConnectionLookup(AirbyteClient client, Duration ttl, Clock clock) {
        this(client, ttl, DEFAULT_MISS_REFRESH, clock);
    }

    public ConnectionLookup(AirbyteClient client, Duration ttl, Duration missRefresh, Clock clock) {
        this.client = client;
        this.ttl = ttl;
        this.missRefresh = missRefresh;
        this.clock = clock;
    }

    /**
     * The one usable connection with this name or id.
     *
     * @throws ConnectionLookupException when none, several, or an inactive connection match
     * @throws AirbyteUnavailableException when the list cannot be read
     */
    public AirbyteConnection resolve(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            throw new ConnectionLookupException(
                    "No connection given; set the pipeline's connection to its name (or id) in Airbyte.");
        }
        String wanted = nameOrId.trim();
        Snapshot seen = current();
        List<AirbyteConnection> matches = matching(seen, wanted);
        if (matches.isEmpty() && !clock.instant().isBefore(seen.readAt().plus(missRefresh))) {
            seen = refreshUnlessNewerThan(seen);
            matches = matching(seen, wanted);
        }
        if (matches.isEmpty()) {
            throw notFound(wanted, seen);
        }
        List<AirbyteConnection> live = matches.stream()
                .filter(c -> !"deprecated".equalsIgnoreCase(c.status()))
                .toList();
        List<AirbyteConnection> candidates = live.isEmpty() ? matches : live;
        if (candidates.size() > 1) {
            throw ambiguous(wanted, candidates);
        }
        AirbyteConnection found = candidates.get(0);
        if (!found.isActive()) {
            throw new ConnectionLookupException("Connection '" + found.name() + "' (" + found.connectionId()
                    + ") in workspace " + workspaceOf(found) + " is " + found.status()
                    + " in Airbyte; enable it in Airbyte before syncing it.");
        }
        return found;
    }

    /** Connections whose name contains {@code match}, ignoring case; every connection when it is empty. */
    public List<AirbyteConnection> search(String match) {
        String needle = match == null ? "" : match.trim().toLowerCase(Locale.ROOT);
        return current().connections().stream()
                .filter(c -> needle.isEmpty()
                        || String.valueOf(c.name()).toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(c -> String.valueOf(c.name())))
                .toList();
    }

    private Snapshot current() {
        Snapshot seen = snapshot;
        if (seen != null && clock.instant().isBefore(seen.readAt().plus(ttl))) {
            return seen;
        }
        return refreshUnlessNewerThan(seen);
    }

    private synchronized Snapshot refreshUnlessNewerThan(Snapshot seen) {
        Snapshot now = snapshot;
        if (now != null && now != seen) {
            return now;
        }
        Instant readAt = clock.instant();
        snapshot = Snapshot.of(client.listConnections(), readAt);
        return snapshot;
    }

    private static List<AirbyteConnection> matching(Snapshot snapshot, String wanted) {
        return WorkspaceRef.looksLikeId(wanted)
                ? snapshot.byId().getOrDefault(wanted.toLowerCase(Locale.ROOT), List.of())
                : snapshot.byName().getOrDefault(wanted, List.of());
    }

    private static ConnectionLookupException notFound(String wanted, Snapshot snapshot) {
        List<String> names = snapshot.connections().stream()
                .map(AirbyteConnection::name)
                .filter(n -> n != null)
                .toList();
        List<String> closest = NameSuggestions.closest(wanted, names);
        String hint = closest.isEmpty()
                ? "check the name in Airbyte (" + names.size() + " connections visible)"
                : "did you mean " + closest.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")) + "?";
        if (WorkspaceRef.looksLikeId(wanted)) {
            return new ConnectionLookupException("No Airbyte connection has id '" + wanted + "' (" + names.size()
                    + " connections visible); check the id in Airbyte, or name the connection instead.");
        }
        return new ConnectionLookupException("No Airbyte connection is named '" + wanted + "'; " + hint);
    }

    private static ConnectionLookupException ambiguous(String wanted, List<AirbyteConnection> matches) {
        String where = matches.stream()
                .map(c -> workspaceOf(c) + " (connection " + c.connectionId() + ")")
                .collect(Collectors.joining(", "));
        // an id is never called a name, in this sentence or any other
        String what = WorkspaceRef.looksLikeId(wanted) ? "Connection id '" : "Connection name '";
        return new ConnectionLookupException(what + wanted + "' matches " + matches.size()
                + " connections, in workspaces " + where
                + "; set the workspace setting to one of them or use the connection id.");
    }

    private static String workspaceOf(AirbyteConnection connection) {
        return connection.workspaceName() != null
                ? "'" + connection.workspaceName() + "'"
                : String.valueOf(connection.workspaceId());
    }
}
