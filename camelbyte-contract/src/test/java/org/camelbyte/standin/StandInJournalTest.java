package org.camelbyte.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stand-in started again on its journal still knows its jobs, as Airbyte does while our app restarts. */
class StandInJournalTest {

    @Test
    void jobsSurviveARestartWithTheirIdsTimesAndCancels() throws Exception {
        Path journal = Files.createTempDirectory("standin").resolve("jobs.log");
        StandInScenario scenario = TestScenarios.fast();
        long finishing;
        long cancelled;
        try (AirbyteStandIn first = AirbyteStandIn.start(scenario, 0, journal)) {
            StandInClient client = new StandInClient(first);
            finishing = createJob(client, TestScenarios.FLAKY);
            cancelled = createJob(client, TestScenarios.SLOW);
            assertThat(client.publicDelete("/jobs/" + cancelled).statusCode()).isEqualTo(200);
        }

        try (AirbyteStandIn second = AirbyteStandIn.start(scenario, 0, journal)) {
            assertThat(second.jobsOf(TestScenarios.FLAKY))
                    .extracting(StandInJob::id)
                    .containsExactly(finishing);
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            second.jobsOf(TestScenarios.FLAKY).get(0).status().equals("succeeded"));
            assertThat(second.jobsOf(TestScenarios.SLOW))
                    .singleElement()
                    .satisfies(job -> assertThat(job.wasCancelled()).isTrue());
            assertThat(createJob(new StandInClient(second), TestScenarios.SLOW)).isGreaterThan(cancelled);
        }
    }

    private static long createJob(StandInClient client, String connectionId) throws Exception {
        var response = client.publicPost("/jobs", "{\"connectionId\":\"" + connectionId + "\",\"jobType\":\"sync\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        return StandInClient.JSON.readTree(response.body()).path("jobId").asLong();
    }
}
