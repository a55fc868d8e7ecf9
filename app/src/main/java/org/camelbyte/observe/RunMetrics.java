package org.camelbyte.observe;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camelbyte.airbyte.JobStatus;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;

/**
 * A run's outcome in metrics, once per run as it ends (called by the run-outcome route): duration by
 * pipeline and status, rows and bytes, quality checks by kind and result, and the detection lag.
 */
public class RunMetrics {
    /** Histogram buckets for runs: syncs last from seconds to hours. */
    private static final Duration[] RUN_BUCKETS = seconds(10, 30, 60, 300, 900, 1800, 3600, 7200, 21600, 43200, 86400);
    /** Histogram buckets for the lag between the job's end and the run's end. */
    private static final Duration[] LAG_BUCKETS = seconds(1, 5, 10, 30, 60, 300, 900, 3600);

    private final MeterRegistry registry;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The statuses a run ends in, each a series from the start. */
    static final List<RunStatus> ENDED =
            Arrays.stream(RunStatus.values()).filter(RunStatus::isFinal).toList();

    /**
     * Every per-pipeline series at zero before the first run, so dashboards show 0 instead of "no data" and
     * alerts on absence or increase can fire from the first scrape.
     */
    public void zero(Collection<String> pipelines) {
        for (String pipeline : pipelines) {
            for (RunStatus status : ENDED) {
                duration(pipeline, status.wireName());
                runs(pipeline, status.wireName());
            }
            rows(pipeline);
            bytes(pipeline);
            lag(pipeline);
        }
    }

    public void runEnded(Run run) {
        String pipeline = run.getPipeline();
        if (run.getStartedAt() != null && run.getEndedAt() != null) {
            duration(pipeline, run.getStatus().wireName())
                    .record(Duration.between(run.getStartedAt(), run.getEndedAt()));
        }
        rows(pipeline).increment(run.getRowsSynced());
        bytes(pipeline).increment(run.getBytesSynced());
        detectionLag(run);
        qualityChecks(run.getPostSync());
        // last of the run's meters: when it counts a run, that run's other meters are in
        runs(pipeline, run.getStatus().wireName()).increment();
    }

    private Counter runs(String pipeline, String status) {
        return Counter.builder("camelbyte.runs")
                .description("Runs ended, by pipeline and final status")
                .tags("pipeline", pipeline, "status", status)
                .register(registry);
    }

    private Timer duration(String pipeline, String status) {
        return Timer.builder("camelbyte.run.duration")
                .description("Runs from start to end, by pipeline and final status")
                .tags("pipeline", pipeline, "status", status)
                .serviceLevelObjectives(RUN_BUCKETS)
                .register(registry);
    }

    private Counter rows(String pipeline) {
        return Counter.builder("camelbyte.rows.synced")
                .description("Rows Airbyte committed, by pipeline")
                .tag("pipeline", pipeline)
                .register(registry);
    }

    private Counter bytes(String pipeline) {
        return Counter.builder("camelbyte.bytes.synced")
                .description("Bytes Airbyte committed, by pipeline")
                .tag("pipeline", pipeline)
                .register(registry);
    }

    private Timer lag(String pipeline) {
        return Timer.builder("camelbyte.detection.lag")
                .description("From the Airbyte job's end to the run's end, by pipeline")
                .tag("pipeline", pipeline)
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry);
    }

    /**
     * From the job's end to the run's end (post-sync steps included). The job's end is when a status read
     * first saw it final: the job answers of both API flavours carry no end time we could trust more.
     */
    private void detectionLag(Run run) {
        if (!JobStatus.parse(run.getJobStatus()).isTerminal()
                || run.getJobStatusSince() == null
                || run.getEndedAt() == null) {
            return;
        }
        Duration lag = Duration.between(run.getJobStatusSince(), run.getEndedAt());
        lag(run.getPipeline()).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** Each check of the run's post-sync result: passed, failed, or error when it could not run. */
    private void qualityChecks(JsonNode postSync) {
        if (postSync == null) {
            return;
        }
        for (JsonNode check : postSync.path("checks")) {
            String result =
                    check.hasNonNull("error") ? "error" : check.path("passed").asBoolean() ? "passed" : "failed";
            checks(check.path("kind").asText("unknown"), result).increment();
        }
    }

    /** The quality checks the pipelines configure, by kind and each result, at zero from the start. */
    public void zeroChecks(Collection<String> kinds) {
        kinds.forEach(kind -> List.of("passed", "failed", "error").forEach(result -> checks(kind, result)));
    }

    private Counter checks(String kind, String result) {
        return Counter.builder("camelbyte.quality.checks")
                .description("Quality checks run, by kind and result")
                .tags("kind", kind, "result", result)
                .register(registry);
    }

    private static Duration[] seconds(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofSeconds).toArray(Duration[]::new);
    }
}
