package org.camelbyte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camelbyte.app.FreePort;
import org.camelbyte.embedded.EmbeddedPostgresServer;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM during 20 running runs and a schedule firing every 2 s, the app on its embedded PostgreSQL and
 * broker (a child JVM, as users run it): the stop ends within stop.grace-period with no ERROR or WARN line,
 * every lease is released and the embedded PostgreSQL is stopped (not left running), and a second instance (another instance id) on the same state
 * database takes every run over at its start, long before a lease could have passed, on the same jobs; killed
 * with kill -9, it leaves its PostgreSQL running, which the next start on the data dir stops and replaces.
 * Slow (two app starts on an embedded PostgreSQL): in the replicas profile. Logs in target/orderly-stop/.
 */
class OrderlyStopIT {
    private static final int RUNS = 20;
    /** Long, so leases left held would keep the runs from the second instance for a minute or more. */
    private static final Duration LEASE = Duration.ofSeconds(120);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStopDuringTwentyRunsIsCleanReleasesEveryLeaseAndAPeerResumesThemAll() throws Exception {
        StringBuilder connections = new StringBuilder();
        StringBuilder pipelines = new StringBuilder("defaults: { pollInterval: 500ms, timeout: 10m }\npipelines:\n");
        for (int i = 1; i <= RUNS; i++) {
            connections.append("""
                      - name: c%d (TEST)
                        workspace: Test
                        job:
                          - {status: pending, seconds: 1}
                          - {status: running, seconds: 25, rowsPerSecond: 10}
                          - {status: succeeded}
                    """.formatted(i));
            pipelines.append("  - { name: p%d, connection: c%d (TEST) }\n".formatted(i, i));
        }
        // a schedule firing every 2 s keeps Quartz (clustered, in the same PostgreSQL) busy through the stop
        connections.append("""
                  - name: tick (TEST)
                    workspace: Test
                    job:
                      - {status: running, seconds: 1}
                      - {status: succeeded}
                """);
        pipelines.append("  - { name: ticking, connection: tick (TEST), schedule: \"*/2 * * * * ?\" }\n");
        StandInScenario scenario =
                StandInScenario.fromYaml("timeScale: 1.0\nworkspaces:\n  - {name: Test}\nconnections:\n" + connections);
        Path logs = Path.of("target", "orderly-stop");
        Files.createDirectories(logs);
        Files.deleteIfExists(logs.resolve("first.log"));
        Files.deleteIfExists(logs.resolve("second.log"));
        Files.deleteIfExists(logs.resolve("third.log"));
        try (AirbyteStandIn standIn = AirbyteStandIn.start(scenario, 0)) {
            Path dataDir = Files.createTempDirectory("camelbyte-orderly-stop");
            Path pipelinesFile = dataDir.resolve("pipelines.yaml");
            Files.writeString(pipelinesFile, pipelines.toString());
            Map<String, String> env = new HashMap<>(Map.of(
                    "AIRBYTE_URL", standIn.publicApiUrl(),
                    "DATA_DIR", dataDir.toString(),
                    "PIPELINES_FILE", pipelinesFile.toString(),
                    "BROKER_EMBEDDED_PORT", String.valueOf(FreePort.find()),
                    "RUNS_LEASE", LEASE.toSeconds() + "s",
                    "INSTANCE_ID", "first"));

            ChildApp first = ChildApp.start(env, logs.resolve("first.log")).awaitReady(Duration.ofSeconds(90));
            List<String> runIds = new ArrayList<>();
            Map<String, String> jobIds = new HashMap<>();
            Duration took;
            try {
                for (int i = 1; i <= RUNS; i++) {
                    var response = first.post("/api/pipelines/p" + i + "/runs");
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                    runIds.add(JSON.readTree(response.body()).get("runId").asText());
                }
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> runIds.stream().allMatch(id -> {
                            var run = run(first, id);
                            return run.get("status").asText().equals("running") && run.hasNonNull("jobId");
                        }));
                for (String id : runIds) {
                    jobIds.put(id, run(first, id).get("jobId").asText());
                }
                took = first.stop();
            } finally {
                first.close();
            }
            System.out.printf("orderly stop: %d running runs, SIGTERM to exit %d ms%n", RUNS, took.toMillis());
            assertThat(took).as("time from SIGTERM to exit").isLessThan(Duration.ofSeconds(10));
            // no warning either: a firing or a watcher look into the stop showed up as WARN
            assertThat(Files.readAllLines(logs.resolve("first.log")))
                    .as("ERROR and WARN lines of the stopped app (target/orderly-stop/first.log)")
                    .noneMatch(line -> line.contains("[ERROR]") || line.contains("[WARN]"));
            assertThat(dataDir.resolve("postgres").resolve("postmaster.pid"))
                    .as("the embedded PostgreSQL stopped with the app")
                    .doesNotExist();

            try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0);
                    Connection c = DriverManager.getConnection(postgres.jdbcUrl("camelbyte_state"));
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT"
                            + " count(*) FILTER (WHERE pipeline <> 'ticking' AND status = 'running'),"
                            + " count(*) FILTER (WHERE pipeline <> 'ticking' AND owner = 'first'"
                            + " AND lease_until <= now()),"
                            + " count(*) FILTER (WHERE status IN ('queued','running','post_sync')"
                            + " AND lease_until > now())"
                            + " FROM runs")) {
                assertThat(rs.next()).isTrue();
                System.out.printf(
                        "orderly stop: %d runs left running in the state database, %d of them with their lease"
                                + " released; open runs (scheduled ones too) with a lease still held: %d%n",
                        rs.getInt(1), rs.getInt(2), rs.getInt(3));
                assertThat(rs.getInt(1))
                        .as("runs left running (none ended by the stop)")
                        .isEqualTo(RUNS);
                assertThat(rs.getInt(2)).as("leases released").isEqualTo(RUNS);
                assertThat(rs.getInt(3)).as("open runs with a lease still held").isZero();
            }

            env.put("INSTANCE_ID", "second");
            ChildApp second = ChildApp.start(env, logs.resolve("second.log")).awaitReady(Duration.ofSeconds(90));
            try {
                long ready = System.nanoTime();
                await().atMost(LEASE.dividedBy(4))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> runIds.stream()
                                .allMatch(id ->
                                        run(second, id).get("status").asText().equals("succeeded")));
                System.out.printf(
                        "orderly stop: the second instance finished all %d runs %d ms after it was ready"
                                + " (lease %d s)%n",
                        RUNS, Duration.ofNanos(System.nanoTime() - ready).toMillis(), LEASE.toSeconds());
                for (String id : runIds) {
                    assertThat(run(second, id).get("jobId").asText()).as(id).isEqualTo(jobIds.get(id));
                }
                assertThat(IntStream.rangeClosed(1, RUNS)
                                .map(i -> standIn.jobsOf(scenario.connectionNamed("Test", "c" + i + " (TEST)")
                                                .id())
                                        .size())
                                .sum())
                        .as("Airbyte jobs created")
                        .isEqualTo(RUNS);
            } finally {
                second.kill();
            }

            // kill -9 left the embedded PostgreSQL running on the data dir: the next start reclaims it
            Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
            long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .as("PostgreSQL left running by kill -9")
                    .isTrue();
            ChildApp third = ChildApp.start(env, logs.resolve("third.log")).awaitReady(Duration.ofSeconds(90));
            try {
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                        .as("the PostgreSQL of the killed app, after the next start")
                        .isFalse();
                // its routes may still be starting when /api/pipelines first answers
                await().atMost(Duration.ofSeconds(30))
                        .ignoreExceptions()
                        .until(() -> run(third, runIds.get(0)).get("status").asText(), "succeeded"::equals);
            } finally {
                third.stop();
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode run(ChildApp app, String runId) {
        try {
            return JSON.readTree(app.get("/api/runs/" + runId).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
