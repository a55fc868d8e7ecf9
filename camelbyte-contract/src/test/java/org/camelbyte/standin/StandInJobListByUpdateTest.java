package org.camelbyte.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camelbyte.standin.StandInClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The job list newest change first, what the app's job watcher asks on every look: a job moves to the front when it
 * is cancelled and when its own timeline reaches its next phase, without any call, and pages split the order
 * without a gap. The other order, oldest first, is the same jobs the other way round.
 */
class StandInJobListByUpdateTest {
    private static final StandInScenario SCENARIO = StandInScenario.fromYaml("""
            timeScale: 0.01
            workspaces:
              - {name: Test}
            connections:
              - {id: 00000000-0000-0000-0000-000000000001, name: one, workspace: Test, job: [{status: pending, seconds: 100000}, {status: succeeded}]}
              - {id: 00000000-0000-0000-0000-000000000002, name: two, workspace: Test, job: [{status: pending, seconds: 100000}, {status: succeeded}]}
              - {id: 00000000-0000-0000-0000-000000000003, name: three, workspace: Test, job: [{status: pending, seconds: 100000}, {status: succeeded}]}
              - {id: 00000000-0000-0000-0000-000000000004, name: quick, workspace: Test, job: [{status: running, seconds: 30}, {status: succeeded}]}
            """);

    @Test
    void aJobMovesToTheFrontWhenItChangesByCancelOrByItsOwnTimeline() {
        try (AirbyteStandIn standIn = AirbyteStandIn.start(SCENARIO, 0)) {
            StandInClient client = new StandInClient(standIn);
            long one = start(client, 1);
            long two = start(client, 2);
            long three = start(client, 3);
            assertThat(newestFirst(client, 100)).containsExactly(three, two, one);
            // one a page: each job once, in order, and the last page says no more follow
            assertThat(newestFirst(client, 1)).containsExactly(three, two, one);

            assertThat(client.publicDelete("/jobs/" + one).statusCode()).isEqualTo(200);
            assertThat(newestFirst(client, 100)).containsExactly(one, three, two);

            long quick = start(client, 4);
            assertThat(client.publicDelete("/jobs/" + two).statusCode()).isEqualTo(200);
            assertThat(newestFirst(client, 2)).containsExactly(two, quick, one, three);

            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> json(client.publicGet("/jobs/" + quick))
                                    .path("status")
                                    .asText(),
                            "succeeded"::equals);
            assertThat(newestFirst(client, 100)).containsExactly(quick, two, one, three);
            assertThat(jobIds(client, "orderBy=updatedAt%7CASC", 100)).containsExactly(three, one, two, quick);
        }
    }

    private static long start(StandInClient client, int connection) {
        JsonNode job = json(client.publicPost(
                "/jobs",
                "{\"connectionId\":\"00000000-0000-0000-0000-00000000000" + connection + "\",\"jobType\":\"sync\"}"));
        return job.path("jobId").asLong();
    }

    private static List<Long> newestFirst(StandInClient client, int pageSize) {
        return jobIds(client, "orderBy=updatedAt%7CDESC", pageSize);
    }

    /** Every page of the public job list with this query, following its next links' offsets. */
    private static List<Long> jobIds(StandInClient client, String query, int pageSize) {
        List<Long> ids = new ArrayList<>();
        for (int offset = 0; ; offset += pageSize) {
            JsonNode page = json(client.publicGet("/jobs?" + query + "&limit=" + pageSize + "&offset=" + offset));
            page.get("data").forEach(job -> ids.add(job.get("jobId").asLong()));
            if (!page.has("next")) {
                return ids;
            }
        }
    }
}
