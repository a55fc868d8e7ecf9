package org.camelbyte.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camelbyte.standin.StandInClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The job lists' time filters, honoured (updatedAtStart and updatedAtEnd) or ignored as some servers do, the old
 * jobs a long-lived server has, and a 429 on every nth call.
 */
class StandInJobListFiltersTest {
    private static final StandInScenario SCENARIO = StandInScenario.fromYaml("""
            workspaces:
              - {name: Test}
            connections:
              - {name: a, workspace: Test}
              - {name: b, workspace: Test}
            """);

    @Test
    void updatedAtStartAndEndAreHonouredUnlessTheServerIgnoresThem() {
        try (AirbyteStandIn standIn = AirbyteStandIn.start(SCENARIO, 0)) {
            standIn.seedHistory(300, Duration.ofDays(3));
            StandInClient client = new StandInClient(standIn);
            Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));

            assertThat(jobIds(client, "updatedAtStart=" + twoDaysAgo)).isEmpty();
            assertThat(jobIds(client, "updatedAtEnd=" + twoDaysAgo)).hasSize(300);
            assertThat(jobIds(
                            client,
                            "updatedAtStart=" + twoDaysAgo.minus(Duration.ofDays(2)) + "&updatedAtEnd=" + twoDaysAgo))
                    .hasSize(300);
            assertThat(jobIds(client, "updatedAtEnd=" + twoDaysAgo.minus(Duration.ofDays(2))))
                    .isEmpty();

            standIn.behaviours().ignoreJobListTimeFilters(true);
            // every job, newest change first as asked
            List<Long> ignored = jobIds(client, "updatedAtStart=" + twoDaysAgo + "&orderBy=updatedAt%7CDESC");
            assertThat(ignored).hasSize(300);
            assertThat(ignored.get(0)).isGreaterThan(ignored.get(299));
            JsonNode config = json(client.configPost(
                    "/jobs/list_for_workspaces",
                    "{\"configTypes\":[\"sync\"],\"updatedAtStart\":\"" + twoDaysAgo
                            + "\",\"pagination\":{\"pageSize\":10,\"rowOffset\":0}}"));
            assertThat(config.path("totalJobCount").asInt()).isEqualTo(300);
        }
    }

    @Test
    void everySeventhCallIsRateLimited() {
        try (AirbyteStandIn standIn = AirbyteStandIn.start(SCENARIO, 0)) {
            standIn.faults().rateLimitEvery(7, "/jobs");
            StandInClient client = new StandInClient(standIn);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 14; i++) {
                statuses.add(client.publicGet("/jobs?limit=1").statusCode());
                // other paths neither count nor get the fault
                assertThat(client.publicGet("/workspaces").statusCode()).isEqualTo(200);
            }
            assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 200, 429, 200, 200, 200, 200, 200, 200, 429);
            assertThat(standIn.faults().injected()).isEqualTo(2);
        }
    }

    /** Every page of the public job list with this query. */
    private static List<Long> jobIds(StandInClient client, String query) {
        List<Long> ids = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            JsonNode page = json(client.publicGet("/jobs?" + query + "&limit=100&offset=" + offset));
            page.get("data").forEach(job -> ids.add(job.get("jobId").asLong()));
            if (page.get("data").size() < 100) {
                return ids;
            }
        }
    }
}
