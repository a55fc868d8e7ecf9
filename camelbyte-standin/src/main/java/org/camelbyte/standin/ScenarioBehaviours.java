package org.camelbyte.standin;

import java.time.Duration;

/**
 * The {@code behaviours:} block of a scenario YAML, applied to {@link ServerBehaviours} at start.
 * {@code statsShape}: all, total_stats, aggregated_stats, attempt_counts or stream_stats.
 */
public record ScenarioBehaviours(
        Long clockSkewSeconds,
        Boolean minuteTimestamps,
        String statsShape,
        Long jwtExpiresEarlierBySeconds,
        Boolean ignoreJobListTimeFilters) {

    void applyTo(ServerBehaviours behaviours) {
        if (clockSkewSeconds != null) {
            behaviours.clockSkew(Duration.ofSeconds(clockSkewSeconds));
        }
        if (minuteTimestamps != null) {
            behaviours.minuteTimestamps(minuteTimestamps);
        }
        if (statsShape != null) {
            behaviours.statsShape(ServerBehaviours.StatsShape.parse(statsShape));
        }
        if (jwtExpiresEarlierBySeconds != null) {
            behaviours.jwtExpiresEarlierBy(Duration.ofSeconds(jwtExpiresEarlierBySeconds));
        }
        if (ignoreJobListTimeFilters != null) {
            behaviours.ignoreJobListTimeFilters(ignoreJobListTimeFilters);
        }
    }
}
