package org.camelbyte.standin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the stand-in serves: workspaces, connections with their job scripts, auth and faults.
 * {@code timeScale} multiplies every scripted duration (0.01 turns a 5 s job into 50 ms);
 * {@code configApiVersion} "1.6" hides {@code /v1/workspaces/list_paginated}, "1.7" hides
 * {@code /v1/workspaces/list}; absent serves both. A "0.x" version also lacks
 * {@code /v1/jobs/list_for_workspaces}, as old servers do.
 */
public record StandInScenario(
        StandInAuth auth,
        Integer tokenTtlSeconds,
        Double timeScale,
        String configApiVersion,
        Integer serverThreads,
        List<ScenarioWorkspace> workspaces,
        List<ScenarioConnection> connections,
        List<ScenarioFault> faults,
        ScenarioBehaviours behaviours) {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public StandInScenario {
        auth = auth == null ? StandInAuth.none() : auth;
        tokenTtlSeconds = tokenTtlSeconds == null ? 900 : tokenTtlSeconds;
        timeScale = timeScale == null ? 1.0 : timeScale;
        if (timeScale <= 0) {
            throw new IllegalArgumentException("timeScale must be above 0, e.g. 0.01 to run scripts 100 times faster");
        }
        serverThreads = serverThreads == null ? 32 : serverThreads;
        workspaces = workspaces == null || workspaces.isEmpty()
                ? List.of(new ScenarioWorkspace(null, "Default"))
                : List.copyOf(workspaces);
        connections = resolveWorkspaces(workspaces, connections == null ? List.of() : connections);
        faults = faults == null ? List.of() : List.copyOf(faults);
        behaviours = behaviours == null ? new ScenarioBehaviours(null, null, null, null, null) : behaviours;
    }

    /** A scenario with the server behaving tidily (see {@link ServerBehaviours} for the other ways). */
    public StandInScenario(
            StandInAuth auth,
            Integer tokenTtlSeconds,
            Double timeScale,
            String configApiVersion,
            Integer serverThreads,
            List<ScenarioWorkspace> workspaces,
            List<ScenarioConnection> connections,
            List<ScenarioFault> faults) {
        this(auth, tokenTtlSeconds, timeScale, configApiVersion, serverThreads, workspaces, connections, faults, null);
    }

    public static StandInScenario fromYaml(String yaml) {
        try {
            return YAML.readValue(yaml, StandInScenario.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("scenario YAML is not valid: " + e.getMessage(), e);
        }
    }

    public static StandInScenario load(Path yaml) {
        try {
            return fromYaml(Files.readString(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + yaml, e);
        }
    }

    /** The bundled demo: Production and Staging workspaces with jobs of a few seconds. */
    public static StandInScenario demo() {
        try (InputStream in = StandInScenario.class.getResourceAsStream("/standin/demo-scenario.yaml")) {
            if (in == null) {
                throw new IllegalStateException("standin/demo-scenario.yaml is missing from the classpath");
            }
            return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo scenario", e);
        }
    }

    public StandInScenario withAuth(StandInAuth newAuth) {
        return new StandInScenario(
                newAuth,
                tokenTtlSeconds,
                timeScale,
                configApiVersion,
                serverThreads,
                workspaces,
                connections,
                faults,
                behaviours);
    }

    public StandInScenario withTokenTtlSeconds(int seconds) {
        return new StandInScenario(
                auth, seconds, timeScale, configApiVersion, serverThreads, workspaces, connections, faults, behaviours);
    }

    public StandInScenario withTimeScale(double scale) {
        return new StandInScenario(
                auth,
                tokenTtlSeconds,
                scale,
                configApiVersion,
                serverThreads,
                workspaces,
                connections,
                faults,
                behaviours);
    }

    public StandInScenario withConfigApiVersion(String version) {
        return new StandInScenario(
                auth, tokenTtlSeconds, timeScale, version, serverThreads, workspaces, connections, faults, behaviours);
    }

    public Optional<ScenarioConnection> connection(String connectionId) {
        return connections.stream().filter(c -> c.id().equals(connectionId)).findFirst();
    }

    /** The connections by id, for the APIs: a job start finds its connection in one step, not by a scan. */
    Map<String, ScenarioConnection> connectionsById() {
        Map<String, ScenarioConnection> byId = new HashMap<>();
        connections.forEach(c -> byId.putIfAbsent(c.id(), c));
        // a map that answers null for a null id (a request without one), where Map.copyOf would throw
        return java.util.Collections.unmodifiableMap(byId);
    }

    /** The connection's workspace; every connection has one once the scenario is built. */
    public ScenarioWorkspace workspaceOf(ScenarioConnection connection) {
        return workspaces.stream()
                .filter(w -> w.id().equals(connection.workspaceId()))
                .findFirst()
                .orElseThrow();
    }

    /** Connection named {@code name} in the workspace named {@code workspaceName}, for tests. */
    public ScenarioConnection connectionNamed(String workspaceName, String name) {
        return connections.stream()
                .filter(c -> c.name().equals(name) && workspaceOf(c).name().equals(workspaceName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no connection '" + name + "' in workspace '" + workspaceName + "'"));
    }

    boolean serves(String configEndpoint) {
        if (configApiVersion != null && configApiVersion.startsWith("0.")) {
            return !configEndpoint.equals("/v1/workspaces/list_paginated")
                    && !configEndpoint.equals("/v1/jobs/list_for_workspaces");
        }
        if ("1.6".equals(configApiVersion)) {
            return !configEndpoint.equals("/v1/workspaces/list_paginated");
        }
        if ("1.7".equals(configApiVersion)) {
            return !configEndpoint.equals("/v1/workspaces/list");
        }
        return true;
    }

    private static List<ScenarioConnection> resolveWorkspaces(
            List<ScenarioWorkspace> workspaces, List<ScenarioConnection> connections) {
        List<ScenarioConnection> resolved = new ArrayList<>();
        for (ScenarioConnection c : connections) {
            ScenarioWorkspace ws = c.workspace() == null && workspaces.size() == 1
                    ? workspaces.get(0)
                    : workspaces.stream()
                            .filter(w -> w.name().equals(c.workspace()) || w.id().equals(c.workspace()))
                            .findFirst()
                            .orElseThrow(
                                    () -> new IllegalArgumentException("connection '" + c.name() + "' names workspace '"
                                            + c.workspace() + "', which the scenario does not declare"));
            ScenarioConnection placed = c.inWorkspace(ws);
            if (resolved.stream().anyMatch(other -> other.id().equals(placed.id()))) {
                throw new IllegalArgumentException("connection id " + placed.id() + " appears twice in the scenario");
            }
            resolved.add(placed);
        }
        return List.copyOf(resolved);
    }
}
