package org.camelbyte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camelbyte.app.FreePort;
import org.junit.jupiter.api.Test;

/**
 * The Quick start's restart promise, with its run command as written ({@code mvn -q compile exec:exec}) on
 * the embedded defaults (stand-in, PostgreSQL, demo warehouse and broker inside the app): three mysql-prod
 * runs requested, Maven stopped with SIGTERM while their job runs, started again once the job has ended: the
 * three runs succeed with the demo pipeline's post-sync checks, because the stand-in lands the rows of a job
 * that ended while it was down before the app resumes the runs. The second life ends with a SIGKILL of Maven
 * alone: the app it forked must stop by itself (stop.with-parent) and free its ports. Slow (Maven, two starts
 * on an embedded PostgreSQL): in the replicas profile. Logs in target/restart-promise/.
 */
class RestartPromiseIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runsWhoseJobEndedWhileTheAppWasDownSucceedWithTheirPostSyncChecks() throws Exception {
        Path logs = Path.of("target", "restart-promise");
        Files.createDirectories(logs);
        Files.deleteIfExists(logs.resolve("app.log"));
        Path dataDir = Files.createTempDirectory("camelbyte-restart-promise");
        // the shipped demo pipelines without their every-minute schedules, so only this test's runs sync
        // mysql (PROD) and nothing else lands raw.orders before the restart
        Path pipelines = dataDir.resolve("pipelines.yaml");
        Files.writeString(
                pipelines,
                Files.readString(Path.of("config", "pipelines.yaml"))
                        .replaceAll("(?m)^    schedule:\\n(      .*\\n)*", ""));
        Map<String, String> env = Map.of(
                "DATA_DIR", dataDir.toString(),
                "PIPELINES_FILE", pipelines.toString(),
                "BROKER_EMBEDDED_PORT", String.valueOf(FreePort.find()),
                "CAMEL_SERVER_PORT", String.valueOf(FreePort.find()));

        ChildApp app = ChildApp.startWithMaven(env, logs.resolve("app.log")).awaitReady(Duration.ofSeconds(120));
        List<String> runIds = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                var response = app.post("/api/pipelines/mysql-prod/runs");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                runIds.add(JSON.readTree(response.body()).get("runId").asText());
            }
            final ChildApp first = app;
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> runIds.stream().allMatch(id -> run(first, id).hasNonNull("jobId")));
            Duration took = first.stopMavenAndAwaitApp(false, Duration.ofSeconds(20));
            System.out.printf("restart promise: SIGTERM to Maven, the app ended %d ms later%n", took.toMillis());
            assertThat(took).as("SIGTERM to Maven until the app ended").isLessThan(Duration.ofSeconds(12));
        } finally {
            app.close();
        }
        Path journal = dataDir.resolve("standin-jobs.log");
        List<String[]> created = lines(journal, "created");
        assertThat(lines(journal, "delivered"))
                .as("jobs whose rows landed before the stop (the test needs the job to end while the app is down)")
                .isEmpty();
        // the demo's mysql (PROD) job: pending 1 s, running 6 s; a little more for the clock's grain
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> created.stream()
                        .allMatch(entry -> Instant.ofEpochMilli(Long.parseLong(entry[4]))
                                .plusSeconds(8)
                                .isBefore(Instant.now())));

        app = ChildApp.startWithMaven(env, logs.resolve("app.log")).awaitReady(Duration.ofSeconds(120));
        try {
            final ChildApp second = app;
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> runIds.stream()
                            .map(id -> run(second, id).get("status").asText())
                            .allMatch(status ->
                                    !Set.of("queued", "running", "post_sync").contains(status)));
            for (String id : runIds) {
                JsonNode run = run(second, id);
                assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
                assertThat(run.get("postSync").toString())
                        .as("post-sync results of " + id)
                        .contains("row_count")
                        .contains("raw.orders");
            }
            System.out.printf(
                    "restart promise: %d runs on job(s) %s, stopped, restarted after the job ended: %s%n",
                    runIds.size(),
                    created.stream().map(entry -> entry[1]).collect(Collectors.joining(",")),
                    runIds.stream()
                            .map(id -> run(second, id).get("status").asText())
                            .collect(Collectors.joining(",")));
            Duration took = second.stopMavenAndAwaitApp(true, Duration.ofSeconds(20));
            System.out.printf("restart promise: SIGKILL to Maven, the app ended %d ms later%n", took.toMillis());
            assertThat(took).as("SIGKILL to Maven until the app ended").isLessThan(Duration.ofSeconds(12));
            assertThat(dataDir.resolve("postgres").resolve("postmaster.pid"))
                    .as("the embedded PostgreSQL stopped with the app")
                    .doesNotExist();
            for (String port : List.of("CAMEL_SERVER_PORT", "BROKER_EMBEDDED_PORT")) {
                try (var socket = new java.net.ServerSocket()) {
                    // throws while the app still holds it
                    socket.setReuseAddress(true);
                    socket.bind(new java.net.InetSocketAddress(Integer.parseInt(env.get(port))));
                }
            }
        } finally {
            app.close();
        }
    }

    private static List<String[]> lines(Path journal, String kind) throws Exception {
        return Files.readAllLines(journal).stream()
                .map(line -> line.split(" "))
                .filter(entry -> entry[0].equals(kind))
                .toList();
    }

    private static JsonNode run(ChildApp app, String runId) {
        try {
            return JSON.readTree(app.get("/api/runs/" + runId).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
