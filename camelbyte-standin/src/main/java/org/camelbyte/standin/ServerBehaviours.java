package org.camelbyte.standin;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Ways real Airbyte servers differ from a tidy one, each seen on real deployments and changeable while the
 * stand-in runs: a clock minutes off ours, times shown to the minute ({@code 2023-03-25T01:30Z}), the Config
 * API shape its counts come in, and client_credentials tokens that are JWTs expiring before
 * {@code expires_in} says (airbytehq/airbyte#55784).
 */
public final class ServerBehaviours {

    /** Where the Config API puts a job's row and byte counts; Airbyte versions differ. */
    public enum StatsShape {
        /** Every place at once, as recent versions answer. */
        ALL,
        /** Only each attempt's {@code totalStats}. */
        TOTAL_STATS,
        /** Only the job's {@code aggregatedStats}. */
        AGGREGATED_STATS,
        /** Only each attempt's {@code recordsSynced} / {@code bytesSynced}. */
        ATTEMPT_COUNTS,
        /** Only each attempt's per-stream {@code streamStats}. */
        STREAM_STATS;

        static StatsShape parse(String text) {
            return valueOf(
                    text.trim().replace('-', '_').toUpperCase(Locale.ROOT).replace("STATSSHAPE", ""));
        }
    }

    private volatile Duration clockSkew = Duration.ZERO;
    private volatile boolean minuteTimestamps;
    private volatile StatsShape statsShape = StatsShape.ALL;
    private volatile Duration jwtExpiresEarlierBy;
    private volatile boolean ignoreJobListTimeFilters;

    /** Airbyte's clock runs this much ahead of ours (negative: behind). */
    public ServerBehaviours clockSkew(Duration skew) {
        this.clockSkew = skew;
        return this;
    }

    /** Times in answers carry no seconds, as Java's {@code OffsetDateTime} prints them when they are zero. */
    public ServerBehaviours minuteTimestamps(boolean minutes) {
        this.minuteTimestamps = minutes;
        return this;
    }

    public ServerBehaviours statsShape(StatsShape shape) {
        this.statsShape = shape;
        return this;
    }

    /** Tokens become JWTs whose {@code exp} is this much earlier than {@code expires_in}; null: opaque tokens. */
    public ServerBehaviours jwtExpiresEarlierBy(Duration earlier) {
        this.jwtExpiresEarlierBy = earlier;
        return this;
    }

    /**
     * The job lists ignore their time filters ({@code updatedAtStart}, {@code updatedAtEnd}, {@code createdAtStart},
     * {@code createdAtEnd}) and list every job, as some Airbyte versions do; the order asked for is still kept.
     */
    public ServerBehaviours ignoreJobListTimeFilters(boolean ignore) {
        this.ignoreJobListTimeFilters = ignore;
        return this;
    }

    boolean ignoresJobListTimeFilters() {
        return ignoreJobListTimeFilters;
    }

    StatsShape statsShape() {
        return statsShape;
    }

    Duration jwtExpiresEarlierBy() {
        return jwtExpiresEarlierBy;
    }

    /** A moment as this server's clock and precision show it. */
    Instant shown(Instant real) {
        Instant skewed = real.plus(clockSkew);
        return skewed.truncatedTo(minuteTimestamps ? ChronoUnit.MINUTES : ChronoUnit.SECONDS);
    }

    /** ISO-8601 text as the public API writes it; without seconds when they are zero in minute mode. */
    String isoText(Instant real) {
        Instant shown = shown(real);
        return minuteTimestamps
                ? OffsetDateTime.ofInstant(shown, ZoneOffset.UTC).toString()
                : shown.toString();
    }

    /** Epoch seconds on this server's clock at full precision, as JWT claims carry them. */
    long claimSeconds(Instant real) {
        return real.plus(clockSkew).getEpochSecond();
    }

    long epochSeconds(Instant real) {
        return shown(real).getEpochSecond();
    }
}
