package org.camelbyte.group;

import java.time.Instant;
import java.util.Map;

/**
 * One run of a group of pipelines, as stored. {@code carriedOver} maps each pipeline that already succeeded
 * in the group run this one retries to that successful run's id: those are not synced again.
 */
public record GroupRun(
        String groupRunId,
        String requestId,
        String group,
        String trigger,
        GroupRunStatus status,
        Instant startedAt,
        Instant endedAt,
        String retryOf,
        Map<String, String> carriedOver) {

    public boolean isRunning() {
        return status == GroupRunStatus.RUNNING;
    }
}
