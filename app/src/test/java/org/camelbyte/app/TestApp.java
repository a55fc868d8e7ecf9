package org.camelbyte.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.camelbyte.App;
import org.camelbyte.run.InstanceId;
import org.camelbyte.run.Lease;
import org.camelbyte.run.RunStore;
import org.camelbyte.run.StateDatabase;
import org.camelbyte.standin.AirbyteStandIn;

/**
 * The real app, started in-process exactly as {@code App.main} starts it, with its config pointed at a
 * stand-in the test controls, a fresh state database, an embedded broker on a free port and a temp data dir.
 */
public final class TestApp implements AutoCloseable {
    /** The API token every test app is started with, and sends with each request of {@link #get} and {@link #post}. */
    public static final String API_TOKEN = "test-api-token-5f1c";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper RUN_JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /**
     * The data dirs this JVM made (some 20 MB each, the broker's journal): deleted when it exits, not when their app
     * closes, since a later app may reuse one ({@link Builder#sameStateAs}). Left behind, a few hundred test runs
     * filled the disk until the broker refused to take messages.
     */
    private static final List<Path> MADE = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MADE.forEach(TestApp::deleteTree)));
    }

    private final Main main;
    private final int httpPort;
    private final int brokerPort;
    private final Path dataDir;
    private final String stateJdbcUrl;
    private HikariDataSource stateDatabase;
    private RunStore runStore;

    private TestApp(Main main, int httpPort, int brokerPort, Path dataDir, String stateJdbcUrl) {
        this.main = main;
        this.httpPort = httpPort;
        this.brokerPort = brokerPort;
        this.dataDir = dataDir;
        this.stateJdbcUrl = stateJdbcUrl;
    }

    public static Builder with(AirbyteStandIn standIn, String pipelinesYaml) {
        return new Builder(standIn, pipelinesYaml);
    }

    public static final class Builder {
        private final Map<String, String> props = new LinkedHashMap<>();
        private final String pipelinesYaml;
        private Path dataDir;

        private Builder(AirbyteStandIn standIn, String pipelinesYaml) {
            this.pipelinesYaml = pipelinesYaml;
            props.put("airbyte.url", standIn.publicApiUrl());
            props.put("state.jdbc-url", TestPostgres.newDatabase("state"));
            props.put("runs.progress-every", "1s");
            props.put("runs.retry.first-delay", "100ms");
            props.put("runs.retry.max-delay", "1s");
            // a lost job POST in these tests lands within a second, if at all
            props.put("runs.unanswered-start-wait", "1s");
            props.put("camel.main.shutdown-timeout", "5");
            props.put("api.token", API_TOKEN);
        }

        public Builder property(String key, String value) {
            props.put(key, value);
            return this;
        }

        /** Reuse a data dir and state database, as a restarted app would; works after {@code earlier} was closed. */
        public Builder sameStateAs(TestApp earlier) {
            this.dataDir = earlier.dataDir;
            props.put("state.jdbc-url", earlier.stateJdbcUrl);
            props.put("broker.embedded.port", String.valueOf(earlier.brokerPort));
            return this;
        }

        /** Another instance on the same state database: its own data dir (so its own instance id), broker and ports. */
        public Builder sharingStateDatabaseWith(TestApp other) {
            props.put("state.jdbc-url", other.stateJdbcUrl);
            return this;
        }

        public TestApp start() throws Exception {
            Path dir = dataDir;
            if (dir == null) {
                dir = Files.createTempDirectory("camelbyte-test");
                MADE.add(dir);
            }
            Path pipelines = dir.resolve("pipelines.yaml");
            Files.writeString(pipelines, pipelinesYaml);
            int httpPort = FreePort.find();
            int brokerPort = Integer.parseInt(
                    props.computeIfAbsent("broker.embedded.port", k -> String.valueOf(FreePort.find())));
            Main main = new Main();
            App.configure(main);
            main.addOverrideProperty("pipelines.file", pipelines.toString());
            main.addOverrideProperty("data.dir", dir.toString());
            main.addOverrideProperty("camel.server.port", String.valueOf(httpPort));
            main.addOverrideProperty("camel.management.port", String.valueOf(FreePort.find()));
            props.forEach(main::addOverrideProperty);
            // as Main.run() does: start() alone skips the listeners, and Bootstrap resumes unfinished runs in
            // afterStart
            main.getMainListeners().forEach(listener -> listener.beforeStart(main));
            main.start();
            main.getMainListeners().forEach(listener -> listener.afterStart(main));
            return new TestApp(main, httpPort, brokerPort, dir, props.get("state.jdbc-url"));
        }
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /**
     * The app's run records, read from its state database through a small pool of the test's own, for
     * assertions the HTTP API does not answer (lists of runs); acts as this instance when it writes.
     */
    public synchronized RunStore runStore() {
        if (stateDatabase == null) {
            stateDatabase = StateDatabase.open(stateJdbcUrl, "postgres", null, 2);
            runStore = new RunStore(stateDatabase, RUN_JSON, new Lease(instanceId(), Duration.ofSeconds(60)));
        }
        return runStore;
    }

    /** The id this instance owns runs under: instance.id, else the one the app keeps in its data dir. */
    public String instanceId() {
        return InstanceId.resolve(property("instance.id"), dataDir);
    }

    /** The state database's URL, to read run records after the app has stopped. */
    public String stateJdbcUrl() {
        return stateJdbcUrl;
    }

    public String property(String key) {
        return context().getPropertiesComponent().resolveProperty(key).orElse(null);
    }

    public String brokerUrl() {
        return "tcp://localhost:" + brokerPort;
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(request(path)
                .header("Authorization", "Bearer " + API_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", "Bearer " + API_TOKEN).GET());
    }

    /** A request to the app's HTTP API with no credentials yet, for tests of what it refuses. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path).body());
    }

    /** Starts a run over HTTP and returns its runId. */
    public String startRun(String pipeline) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/pipelines/" + pipeline + "/runs", "");
        if (response.statusCode() != 202) {
            throw new AssertionError("start run answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("runId").asText();
    }

    public JsonNode run(String runId) throws IOException, InterruptedException {
        return getJson("/api/runs/" + runId);
    }

    /** Stops as {@code Main.run()} does at its end: stop() alone skips the listeners, and Bootstrap closes the broker and pools in afterStop. */
    @Override
    public void close() {
        main.getMainListeners().forEach(listener -> listener.beforeStop(main));
        main.stop();
        main.getMainListeners().forEach(listener -> listener.afterStop(main));
        synchronized (this) {
            if (stateDatabase != null) {
                runStore.close();
                stateDatabase.close();
                stateDatabase = null;
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // the JVM is exiting; what is left is the OS's to clear
        }
    }
}
