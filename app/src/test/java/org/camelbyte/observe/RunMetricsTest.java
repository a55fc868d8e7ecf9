package org.camelbyte.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.junit.jupiter.api.Test;

/** A run's post-sync checks and detection lag as metrics (the app-level flow is in MetricsTest). */
class RunMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RunMetrics metrics = new RunMetrics(registry);

    @Test
    void eachCheckIsCountedByKindAndResult() throws Exception {
        Run run = endedRun();
        run.setPostSync(new ObjectMapper().readTree("""
                {"checks": [
                  {"kind": "row_count", "passed": true, "error": null},
                  {"kind": "row_count", "passed": false, "error": null},
                  {"kind": "not_null", "passed": false, "error": "column shipped_at does not exist"}
                ]}"""));

        metrics.runEnded(run);

        assertThat(count("row_count", "passed")).isEqualTo(1);
        assertThat(count("row_count", "failed")).isEqualTo(1);
        assertThat(count("not_null", "error")).isEqualTo(1);
        assertThat(count("not_null", "passed")).isZero();
    }

    @Test
    void theLagRunsFromWhenTheJobWasSeenFinalToTheRunsEnd() {
        Run run = endedRun();
        run.setJobStatus("succeeded");
        run.setJobStatusSince(run.getEndedAt().minusSeconds(7));

        metrics.runEnded(run);

        assertThat(registry.get("camelbyte.detection.lag")
                        .tag("pipeline", "orders")
                        .timer()
                        .totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(7.0);
    }

    @Test
    void aRunWhoseJobNeverEndedHasNoLag() {
        Run run = endedRun();
        run.setJobStatus("running");
        run.setJobStatusSince(run.getStartedAt());
        run.setStatus(RunStatus.TIMED_OUT);

        metrics.runEnded(run);

        assertThat(registry.find("camelbyte.detection.lag").timer()).isNull();
        assertThat(registry.get("camelbyte.run.duration")
                        .tag("status", "timed_out")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    private double count(String kind, String result) {
        var counter = registry.find("camelbyte.quality.checks")
                .tags("kind", kind, "result", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static Run endedRun() {
        Run run = new Run();
        run.setRunId("r-1");
        run.setPipeline("orders");
        run.setStatus(RunStatus.SUCCEEDED);
        run.setStartedAt(Instant.parse("2026-12-01T10:00:00Z"));
        run.setEndedAt(Instant.parse("2026-12-01T10:05:00Z"));
        return run;
    }
}
