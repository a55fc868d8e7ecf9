package org.camelbyte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.camelbyte.app.FreePort;
import org.camelbyte.app.TestPostgres;
import org.camelbyte.embedded.EmbeddedBroker;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three replicas as separate processes on one state database (Quartz's cluster and the runs' leases) and one
 * broker (in this JVM, as an external broker would be), with the Airbyte stand-in: schedules fire once per
 * period in total, queue requests spread over the replicas with one Airbyte job each, and a replica killed
 * mid-sync has its runs finished by the others on the same jobs. Runs in the {@code replicas} Maven profile
 * (after {@code package}, which builds the jar the last test starts); logs in target/replicas/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final long PERIOD_MS = 3000;
    private static final int QUEUED = 100;
    private static final String PIPELINES = """
            defaults: { pollInterval: 300ms, timeout: 5m }
            pipelines:
              - name: ticking
                connection: ticking (TEST)
                schedule: { cron: "0/3 * * * * ?", whenBusy: queue, misfire: skip }
              - { name: long-a, connection: long-a (TEST) }
              - { name: long-b, connection: long-b (TEST) }
            """;
    private static final Path LOGS = Path.of("target", "replicas");
    private static StandInScenario scenario;
    private static AirbyteStandIn standIn;
    private static EmbeddedBroker broker;
    private static String stateUrl;
    private static Map<String, String> shared;
    private static final Map<String, ChildApp> replicas = new LinkedHashMap<>();

    @BeforeAll
    static void startReplicas() throws Exception {
        StringBuilder yaml = new StringBuilder("""
                timeScale: 1.0
                workspaces:
                  - {name: Test}
                connections:
                  - name: ticking (TEST)
                    workspace: Test
                    job: [{status: running, seconds: 1}, {status: succeeded}]
                """);
        for (String name : List.of("long-a (TEST)", "long-b (TEST)")) {
            yaml.append("  - name: ")
                    .append(name)
                    .append("\n    workspace: Test\n")
                    .append("    job: [{status: running, seconds: 12, rowsPerSecond: 10}, {status: succeeded}]\n");
        }
        for (int i = 1; i <= QUEUED; i++) {
            yaml.append("  - name: ")
                    .append(queuedConnection(i))
                    .append("\n    workspace: Test\n")
                    .append("    job: [{status: running, seconds: 1}, {status: succeeded}]\n");
        }
        scenario = StandInScenario.fromYaml(yaml.toString());
        standIn = AirbyteStandIn.start(scenario, 0);
        Path dir = Files.createTempDirectory("camelbyte-replicas");
        broker = EmbeddedBroker.start(dir.resolve("broker"), "localhost", FreePort.find());
        stateUrl = TestPostgres.newDatabase("replicas");
        Path pipelines = dir.resolve("pipelines.yaml");
        Files.writeString(pipelines, PIPELINES);
        shared = Map.of(
                "AIRBYTE_URL",
                standIn.publicApiUrl(),
                "STATE_JDBC_URL",
                stateUrl,
                "BROKER_URL",
                broker.url(),
                "PIPELINES_FILE",
                pipelines.toString(),
                "RUNS_LEASE",
                LEASE.toSeconds() + "s",
                "SCHEDULES_CLUSTER_CHECKIN",
                "2s",
                "CAMEL_MAIN_SHUTDOWN_TIMEOUT",
                "5");
        for (String name : List.of("replica-a", "replica-b", "replica-c")) {
            replicas.put(name, ChildApp.start(env(name, dir), LOGS.resolve(name + ".log")));
        }
        for (ChildApp replica : replicas.values()) {
            awaitReady(replica);
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (ChildApp replica : replicas.values()) {
            replica.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    @Test
    @Order(1)
    void aScheduleFiresOncePerPeriodAcrossTheReplicas() throws Exception {
        Instant from = Instant.now();
        await().atMost(Duration.ofSeconds(60)).until(() -> firingsSince(from).size() >= 6);
        List<Instant> firings = firingsSince(from);
        for (int i = 1; i < firings.size(); i++) {
            assertThat(Duration.between(firings.get(i - 1), firings.get(i)).toMillis())
                    .as("firing after " + firings.get(i - 1))
                    .isEqualTo(PERIOD_MS);
        }
        // each firing ran on one replica: none was turned away as a duplicate of another replica's firing
        for (String name : replicas.keySet()) {
            assertThat(Files.readAllLines(LOGS.resolve(name + ".log")))
                    .as(name + "'s log")
                    .noneMatch(line -> line.contains("schedule:ticking:") && line.contains("already accepted"));
        }
    }

    @Test
    @Order(2)
    void queuedRequestsSpreadOverTheReplicasWithOneAirbyteJobEach() throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
                Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue("airbyte.sync.requests"));
            for (int i = 1; i <= QUEUED; i++) {
                producer.send(session.createTextMessage(
                        "{\"requestId\":\"queued-" + i + "\",\"connectionName\":\"" + queuedConnection(i) + "\"}"));
            }
        }
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT count(*) FROM runs WHERE request_id LIKE 'queued-%' AND status='succeeded'")
                        == QUEUED);

        assertThat(count("SELECT count(*) FROM runs WHERE request_id LIKE 'queued-%'"))
                .isEqualTo(QUEUED);
        assertThat(count("SELECT count(DISTINCT owner) FROM runs WHERE request_id LIKE 'queued-%'"))
                .as("replicas that took queued requests")
                .isEqualTo(replicas.size());
        Map<String, Long> jobIdByConnection = jobIdsByConnection();
        for (int i = 1; i <= QUEUED; i++) {
            String id = scenario.connectionNamed("Test", queuedConnection(i)).id();
            assertThat(standIn.jobsOf(id))
                    .as(queuedConnection(i))
                    .singleElement()
                    .satisfies(job -> assertThat(job.id()).isEqualTo(jobIdByConnection.get(id)));
        }
    }

    @Test
    @Order(3)
    void runsOfAKilledReplicaAreHandedOverWithinTheLeaseAndKeepTheirJobs() throws Exception {
        ChildApp doomed = replicas.get("replica-c");
        List<String> runIds = List.of(startRun(doomed, "long-a"), startRun(doomed, "long-b"));
        Map<String, String> jobIds = new HashMap<>();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> runIds.stream()
                        .allMatch(id -> "running".equals(column(id, "status")) && column(id, "job_id") != null));
        for (String id : runIds) {
            assertThat(column(id, "owner")).isEqualTo("replica-c");
            jobIds.put(id, column(id, "job_id"));
        }

        doomed.kill();
        Instant killed = Instant.now();
        await().atMost(LEASE.plusSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> runIds.stream().noneMatch(id -> "replica-c".equals(column(id, "owner"))));
        Duration handOver = Duration.between(killed, Instant.now());
        // a lease passes at most LEASE after its last renewal; a live replica looks for passed leases every third of it
        assertThat(handOver)
                .as("hand-over after SIGKILL")
                .isLessThanOrEqualTo(LEASE.plus(LEASE).plusSeconds(3));

        await().atMost(Duration.ofSeconds(40))
                .until(() -> runIds.stream().allMatch(id -> "succeeded".equals(column(id, "status"))));
        for (String id : runIds) {
            assertThat(column(id, "job_id")).isEqualTo(jobIds.get(id));
            assertThat(column(id, "owner")).isIn("replica-a", "replica-b");
            // any replica's HTTP API answers for any run, whoever started or finished it
            var run = new ObjectMapper()
                    .readTree(replicas.get("replica-a").get("/api/runs/" + id).body());
            assertThat(run.get("status").asText()).isEqualTo("succeeded");
            assertThat(run.get("jobId").asText()).isEqualTo(jobIds.get(id));
        }
        for (String connection : List.of("long-a (TEST)", "long-b (TEST)")) {
            assertThat(standIn.jobsOf(
                            scenario.connectionNamed("Test", connection).id()))
                    .as(connection)
                    .hasSize(1);
        }
    }

    @Test
    @Order(4)
    void theRunnableJarJoinsAndServesThePipelines() throws Exception {
        Path jar = Path.of("target", "camelbyte.jar");
        assertThat(jar).as("the jar mvn package builds").exists();
        Path workDir = Files.createTempDirectory("camelbyte-jar");
        copyTree(Path.of("config"), workDir.resolve("config"));
        copyTree(Path.of("routes"), workDir.resolve("routes"));
        try (ChildApp fromJar =
                ChildApp.startJar(jar, workDir, env("replica-jar", workDir), LOGS.resolve("replica-jar.log"))) {
            awaitReady(fromJar);
            var response = fromJar.get("/api/pipelines");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(response.body()).findValuesAsText("name"))
                    .containsExactlyInAnyOrder("ticking", "long-a", "long-b");
        }
    }

    private static Map<String, String> env(String name, Path dir) throws IOException {
        Map<String, String> env = new HashMap<>(shared);
        env.put("INSTANCE_ID", name);
        env.put("DATA_DIR", Files.createDirectories(dir.resolve(name)).toString());
        return env;
    }

    private static void awaitReady(ChildApp replica) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(replica::ready);
    }

    private static String queuedConnection(int i) {
        return "queued-%03d (TEST)".formatted(i);
    }

    private static String startRun(ChildApp replica, String pipeline) throws Exception {
        var response = replica.post("/api/pipelines/" + pipeline + "/runs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new ObjectMapper().readTree(response.body()).get("runId").asText();
    }

    /** The schedule's firings since {@code from}, in order, from the runs' request ids (schedule:ticking:<time>). */
    private static List<Instant> firingsSince(Instant from) throws SQLException {
        List<Instant> firings = new ArrayList<>();
        for (String requestId : strings("SELECT request_id FROM runs WHERE pipeline='ticking'")) {
            Instant at = Instant.parse(requestId.substring("schedule:ticking:".length()));
            if (at.isAfter(from)) {
                firings.add(at);
            }
        }
        firings.sort(null);
        return firings;
    }

    private static Map<String, Long> jobIdsByConnection() throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (var c = DriverManager.getConnection(stateUrl);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT connection_id, job_id FROM runs WHERE request_id LIKE 'queued-%'")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (var c = DriverManager.getConnection(stateUrl);
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String column(String runId, String column) {
        try {
            return RunRecords.column(stateUrl, runId, column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
