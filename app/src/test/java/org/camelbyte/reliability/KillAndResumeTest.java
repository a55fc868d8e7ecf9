package org.camelbyte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.camelbyte.app.FreePort;
import org.camelbyte.app.TestPostgres;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app killed or stopped mid-sync and started again on the same state database and data dir: the run
 * follows the same Airbyte job to its end, and the stand-in (in this JVM, so it outlives the app) saw
 * exactly one job. The app runs as a child JVM so a real SIGKILL can hit it; its output is in
 * target/kill-and-resume/.
 */
class KillAndResumeTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 200ms, timeout: 5m }
            pipelines:
              - { name: killed, connection: killed (TEST) }
              - { name: stopped, connection: stopped (TEST) }
            """;
    private static final String JOB = """
                job:
                  - {status: pending, seconds: 1}
                  - {status: running, seconds: 8, rowsPerSecond: 100}
                  - {status: succeeded}
            """;
    private static StandInScenario scenario;
    private static AirbyteStandIn standIn;
    private ChildApp app;

    @BeforeAll
    static void startStandIn() {
        scenario = StandInScenario.fromYaml("""
                timeScale: 1.0
                workspaces:
                  - {name: Test}
                connections:
                  - name: killed (TEST)
                    workspace: Test
                """ + JOB + """
                  - name: stopped (TEST)
                    workspace: Test
                """ + JOB);
        standIn = AirbyteStandIn.start(scenario, 0);
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @AfterEach
    void stopApp() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aKilledAppResumesTheSameJobWithoutStartingAnother() throws Exception {
        Instance instance = new Instance("killed");
        app = instance.start();
        String runId = startRun("killed");
        long jobId = awaitJobRunning(instance, runId);

        app.kill();
        assertThat(instance.runColumn(runId, "status"))
                .as("status after SIGKILL")
                .isEqualTo("running");

        app = instance.start();
        awaitStatus(instance, runId, "succeeded");
        assertThat(Long.parseLong(instance.runColumn(runId, "job_id"))).isEqualTo(jobId);
        assertThat(standIn.jobsOf(connectionId("killed (TEST)")))
                .singleElement()
                .satisfies(job -> assertThat(job.id()).isEqualTo(jobId));
    }

    @Test
    void aStoppedAppLeavesTheJobRunningAndResumesIt() throws Exception {
        Instance instance = new Instance("stopped");
        app = instance.start();
        String runId = startRun("stopped");
        long jobId = awaitJobRunning(instance, runId);

        Duration took = app.stop();
        assertThat(took).as("time SIGTERM took").isLessThan(Duration.ofSeconds(10));
        assertThat(instance.runColumn(runId, "status"))
                .as("status after SIGTERM")
                .isEqualTo("running");
        StandInJob job = standIn.jobsOf(connectionId("stopped (TEST)")).get(0);
        assertThat(job.wasCancelled()).as("job cancelled at stop").isFalse();

        app = instance.start();
        awaitStatus(instance, runId, "succeeded");
        assertThat(Long.parseLong(instance.runColumn(runId, "job_id"))).isEqualTo(jobId);
        assertThat(standIn.jobsOf(connectionId("stopped (TEST)")))
                .singleElement()
                .satisfies(only -> assertThat(only.wasCancelled()).isFalse());
    }

    private String startRun(String pipeline) throws Exception {
        var response = app.post("/api/pipelines/" + pipeline + "/runs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body())
                .get("runId")
                .asText();
    }

    private static long awaitJobRunning(Instance instance, String runId) throws SQLException {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "running".equals(instance.runColumn(runId, "status"))
                        && instance.runColumn(runId, "job_id") != null);
        return Long.parseLong(instance.runColumn(runId, "job_id"));
    }

    private static void awaitStatus(Instance instance, String runId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> instance.runColumn(runId, "status"), status::equals);
    }

    private static String connectionId(String name) {
        return scenario.connectionNamed("Test", name).id();
    }

    /** What two lives of the app share: the state database, the data dir, the broker port and the config. */
    private static final class Instance {
        private final String name;
        private final String stateUrl = TestPostgres.newDatabase("resume");
        private final Map<String, String> env;

        Instance(String name) throws Exception {
            this.name = name;
            Path dataDir = Files.createTempDirectory("camelbyte-" + name);
            Path pipelines = dataDir.resolve("pipelines.yaml");
            Files.writeString(pipelines, PIPELINES);
            env = Map.of(
                    "AIRBYTE_URL", standIn.publicApiUrl(),
                    "STATE_JDBC_URL", stateUrl,
                    "DATA_DIR", dataDir.toString(),
                    "PIPELINES_FILE", pipelines.toString(),
                    "BROKER_EMBEDDED_PORT", String.valueOf(FreePort.find()),
                    "CAMEL_MAIN_SHUTDOWN_TIMEOUT", "5");
        }

        ChildApp start() throws Exception {
            return ChildApp.start(env, Path.of("target", "kill-and-resume", name + ".log"))
                    .awaitReady(Duration.ofSeconds(40));
        }

        String runColumn(String runId, String column) throws SQLException {
            return RunRecords.column(stateUrl, runId, column);
        }
    }
}
