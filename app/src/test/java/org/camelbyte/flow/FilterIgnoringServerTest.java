package org.camelbyte.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server whose job list ignores its time filter, with thousands of old jobs and a 429 on every seventh call:
 * the watcher's looks stay bounded (newest change first, cut at the page limit, single reads for the rest), so
 * every run reaches its job's end and Airbyte sees few calls per sync.
 */
class FilterIgnoringServerTest {
    private static final Logger LOG = LoggerFactory.getLogger(FilterIgnoringServerTest.class);
    private static final int RUNS = 50;
    private static final int OLD_JOBS = 5_000;

    private AirbyteStandIn standIn;
    private TestApp app;

    @AfterEach
    void stop() {
        app.close();
        standIn.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "config"})
    void fiftyRunsSucceedWithFewCallsEach(String api) throws Exception {
        String connections =
                IntStream.range(0, RUNS).mapToObj(i -> """
                          - name: c%d
                            workspace: Test
                            job: [{status: pending, seconds: 50}, {status: running, seconds: 100}, {status: succeeded}]
                        """.formatted(i)).collect(Collectors.joining());
        standIn = AirbyteStandIn.start(
                StandInScenario.fromYaml(
                        "timeScale: 0.01\nworkspaces:\n  - {name: Test}\nconnections:\n" + connections),
                0);
        standIn.seedHistory(OLD_JOBS, Duration.ofDays(3));
        standIn.behaviours().ignoreJobListTimeFilters(true);
        String pipelines = "defaults: { pollInterval: 1s, timeout: 2m }\npipelines:\n"
                + IntStream.range(0, RUNS)
                        .mapToObj(i -> "  - { name: p%d, connection: c%d }\n".formatted(i, i))
                        .collect(Collectors.joining());
        app = TestApp.with(standIn, pipelines)
                .property("airbyte.api", api)
                .property("airbyte.url", api.equals("public") ? standIn.publicApiUrl() : standIn.configApiUrl())
                .property("runs.retry.first-delay", "200ms")
                .start();
        standIn.faults().rateLimitEvery(7, null);
        long callsBefore = totalCalls();

        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runIds.add(app.startRun("p" + i));
        }
        List<JsonNode> outcomes = new ArrayList<>();
        for (String runId : runIds) {
            outcomes.add(Runs.awaitOutcome(app, runId, Duration.ofSeconds(90)));
        }

        long calls = totalCalls() - callsBefore;
        long succeeded = outcomes.stream()
                .filter(run -> run.path("status").asText().equals("succeeded"))
                .count();
        LOG.info(
                "{} API: {} of {} runs succeeded; {} Airbyte calls ({} per sync, {} answered 429): {}",
                api,
                succeeded,
                RUNS,
                calls,
                (double) calls / RUNS,
                standIn.faults().injected(),
                standIn.callCounts());
        assertThat(outcomes)
                .allSatisfy(run -> assertThat(run.path("status").asText())
                        .as(
                                "run %s: %s",
                                run.path("runId").asText(), run.path("error").asText())
                        .isEqualTo("succeeded"));
        assertThat(calls).isLessThanOrEqualTo(3L * RUNS);
        // every run followed the job its own start made, one per connection
        assertThat(outcomes.stream().map(run -> run.path("jobId").asLong()).distinct())
                .hasSize(RUNS)
                .allSatisfy(jobId -> assertThat(jobId).isGreaterThan(OLD_JOBS));
    }

    private long totalCalls() {
        return standIn.callCounts().values().stream().mapToLong(Long::longValue).sum();
    }
}
