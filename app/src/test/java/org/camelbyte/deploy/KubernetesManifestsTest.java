package org.camelbyte.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What {@code kubectl kustomize deploy/kubernetes} renders, as a cluster would receive it: two replicas
 * probed on the management port's health paths, credentials only from the Secret, and the app's own
 * config and routes in the ConfigMaps.
 */
class KubernetesManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|token|secret).*");

    @Test
    void theDeploymentRunsTwoProbedReplicasWithCredentialsFromTheSecret() throws Exception {
        List<JsonNode> docs = render("deploy/kubernetes");
        JsonNode deployment = only(docs, "Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(port(container, container.at("/readinessProbe/httpGet/port")))
                .isEqualTo(9876);
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/observe/health/ready");
        assertThat(port(container, container.at("/livenessProbe/httpGet/port"))).isEqualTo(9876);
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/observe/health/live");
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        assertThat(container.get("envFrom").findValuesAsText("name")).contains("camelbyte-credentials");
        assertThat(container.get("envFrom").findParents("secretRef")).hasSize(1);

        JsonNode service = only(docs, "Service");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
        assertThat(only(docs, "PodDisruptionBudget").at("/spec/minAvailable").asInt())
                .isEqualTo(1);
    }

    @Test
    void noConfigMapHoldsASecret() throws Exception {
        for (String root : List.of("deploy/kubernetes", "deploy/kubernetes/overlays/with-artemis")) {
            for (JsonNode configMap : all(render(root), "ConfigMap")) {
                configMap.get("data").fields().forEachRemaining(entry -> {
                    String where = root + ": ConfigMap "
                            + configMap.at("/metadata/name").asText() + ", " + entry.getKey();
                    assertThat(entry.getKey()).as(where).doesNotMatch(SECRET_KEY);
                    entry.getValue()
                            .asText()
                            .lines()
                            .filter(line -> !line.startsWith("#") && line.contains("="))
                            .filter(line -> SECRET_KEY
                                    .matcher(line.substring(0, line.indexOf('=')))
                                    .matches())
                            .forEach(line -> assertThat(line.substring(line.indexOf('=') + 1)
                                            .strip())
                                    .as(where + ": " + line)
                                    .isEmpty());
                });
            }
        }
    }

    @Test
    void theConfigMapsCarryTheAppsOwnSettingsAndRoutes() throws Exception {
        List<JsonNode> configMaps = all(render("deploy/kubernetes"), "ConfigMap");
        JsonNode config = named(configMaps, "camelbyte-config");
        JsonNode routes = named(configMaps, "camelbyte-routes");
        String resync = " differs from the repo's; run deploy/kubernetes/sync-from-repo.sh";
        assertThat(config.at("/data/application.properties").asText())
                .as("application.properties" + resync)
                .isEqualTo(Files.readString(Path.of("config/application.properties")));
        List<Path> routeFiles;
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            routeFiles = files.filter(f -> f.toString().endsWith(".camel.yaml"))
                    .sorted()
                    .toList();
        }
        assertThat(routes.get("data").size()).as("route files in the ConfigMap").isEqualTo(routeFiles.size());
        for (Path file : routeFiles) {
            assertThat(routes.at("/data/" + file.getFileName()).asText())
                    .as(file + resync)
                    .isEqualTo(Files.readString(file));
        }
    }

    @Test
    void theArtemisOverlayAddsABrokerAndPointsTheReplicasAtIt() throws Exception {
        List<JsonNode> docs = render("deploy/kubernetes/overlays/with-artemis");
        JsonNode broker = only(docs, "StatefulSet");
        assertThat(broker.at("/spec/volumeClaimTemplates").size()).isEqualTo(1);
        String brokerUrl = named(all(docs, "ConfigMap"), "camelbyte-settings")
                .at("/data/BROKER_URL")
                .asText();
        assertThat(brokerUrl).contains(broker.at("/spec/serviceName").asText()).endsWith(":61616");
        assertThat(only(docs, "Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
    }

    private static List<JsonNode> render(String dir) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", dir)
                .redirectErrorStream(true)
                .start();
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS))
                .as("kubectl kustomize " + dir + " ended")
                .isTrue();
        assertThat(kubectl.exitValue())
                .as("kubectl kustomize " + dir + ": " + out)
                .isZero();
        List<JsonNode> docs = new ArrayList<>();
        YAML.readerFor(JsonNode.class).readValues(out).forEachRemaining(doc -> docs.add((JsonNode) doc));
        return docs;
    }

    private static List<JsonNode> all(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> found = all(docs, kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    /** A generated ConfigMap's name ends in a hash of its content. */
    private static JsonNode named(List<JsonNode> configMaps, String prefix) {
        return configMaps.stream()
                .filter(c -> c.at("/metadata/name").asText().startsWith(prefix + "-"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + prefix));
    }

    /** A probe's port, by number or by the container port's name. */
    private static int port(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.get("ports")) {
            if (p.get("name").asText().equals(port.asText())) {
                return p.get("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + port.asText());
    }
}
