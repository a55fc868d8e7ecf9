package org.camelbyte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one state database, each with its own data dir and broker: runs started on one are
 * followed by it alone while it lives, and taken over by the other, on the same Airbyte jobs, when it stops.
 */
class TwoInstancesTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 200ms, timeout: 5m }
            pipelines:
              - { name: alpha, connection: alpha (TEST) }
              - { name: beta, connection: beta (TEST) }
            """;
    private static final String JOB = """
                job:
                  - {status: pending, seconds: 1}
                  - {status: running, seconds: 7, rowsPerSecond: 100}
                  - {status: succeeded}
            """;
    private static final StandInScenario SCENARIO = StandInScenario.fromYaml("""
            timeScale: 1.0
            workspaces:
              - {name: Test}
            connections:
              - name: alpha (TEST)
                workspace: Test
            """ + JOB + """
              - name: beta (TEST)
                workspace: Test
            """ + JOB);

    @Test
    void runsAreFollowedByTheirOwnerAndTakenOverWhenItStops() throws Exception {
        try (AirbyteStandIn standIn = AirbyteStandIn.start(SCENARIO, 0)) {
            TestApp a = TestApp.with(standIn, PIPELINES)
                    .property("runs.lease", "2s")
                    .start();
            Map<String, Long> jobIds = new HashMap<>();
            List<String> runIds;
            try (TestApp b = TestApp.with(standIn, PIPELINES)
                    .property("runs.lease", "2s")
                    .sharingStateDatabaseWith(a)
                    .start()) {
                String aId = a.instanceId();
                assertThat(b.instanceId()).isNotEqualTo(aId);
                try {
                    runIds = List.of(a.startRun("alpha"), a.startRun("beta"));
                    await().atMost(Duration.ofSeconds(15))
                            .until(() -> runIds.stream().allMatch(id -> column(a, id, "job_id") != null));
                    for (String id : runIds) {
                        jobIds.put(id, Long.parseLong(column(a, id, "job_id")));
                    }
                    // longer than a lease: A's renewals keep both runs, and B claims neither
                    await().during(Duration.ofSeconds(3))
                            .atMost(Duration.ofSeconds(5))
                            .until(() -> runIds.stream().allMatch(id -> aId.equals(column(a, id, "owner"))));
                    assertThat(runIds)
                            .allSatisfy(
                                    id -> assertThat(column(a, id, "status")).isEqualTo("running"));
                } finally {
                    a.close();
                }

                await().atMost(Duration.ofSeconds(20))
                        .until(() -> runIds.stream().allMatch(id -> "succeeded".equals(column(a, id, "status"))));
                for (String id : runIds) {
                    assertThat(column(a, id, "owner")).isEqualTo(b.instanceId());
                    assertThat(Long.parseLong(column(a, id, "job_id"))).isEqualTo(jobIds.get(id));
                }
                for (String connection : List.of("alpha (TEST)", "beta (TEST)")) {
                    assertThat(standIn.jobsOf(
                                    SCENARIO.connectionNamed("Test", connection).id()))
                            .as(connection)
                            .hasSize(1);
                }
            }
        }
    }

    private static String column(TestApp app, String runId, String column) {
        try {
            return RunRecords.column(app.stateJdbcUrl(), runId, column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
