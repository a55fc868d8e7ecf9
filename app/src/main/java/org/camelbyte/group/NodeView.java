package org.camelbyte.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One pipeline of a group run as people read it: {@code waiting} until it starts, then its run's status.
 * {@code carriedOver}: it succeeded in the group run this one retries, so it was not synced again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeView(
        String pipeline,
        List<String> dependsOn,
        String status,
        String runId,
        Instant startedAt,
        Instant endedAt,
        Double durationSeconds,
        Long rowsSynced,
        String skippedBecause,
        Boolean carriedOver,
        String error) {

    public static final String WAITING = "waiting";

    static Double seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / 1000d;
    }
}
