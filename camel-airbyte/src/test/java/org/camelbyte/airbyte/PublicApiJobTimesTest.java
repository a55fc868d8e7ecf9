package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * When a public API job last changed, as airbyte-platform's JobResponseMapper shows it: {@code lastUpdatedAt} for
 * an ended job only, and {@code duration} (creation to last change) for every job past pending. The job watcher's
 * cursor moves on these times, so a listing of running jobs does not list them all again at every look.
 */
class PublicApiJobTimesTest {
    private static AirbyteJob read(String json) throws Exception {
        return PublicApiReader.job(Json.MAPPER.readTree(json), null);
    }

    @Test
    void aRunningJobsLastChangeIsItsStartPlusItsDuration() throws Exception {
        AirbyteJob job = read("{\"jobId\": 7, \"status\": \"running\", \"jobType\": \"sync\","
                + " \"startTime\": \"2026-12-03T10:00:00Z\", \"duration\": \"PT42S\"}");

        assertThat(job.updatedAt()).isEqualTo(Instant.parse("2026-12-03T10:00:42Z"));
    }

    @Test
    void anEndedJobsLastUpdatedAtIsItsLastChange() throws Exception {
        AirbyteJob job = read("{\"jobId\": 7, \"status\": \"succeeded\", \"jobType\": \"sync\","
                + " \"startTime\": \"2026-12-03T10:00Z\", \"lastUpdatedAt\": \"2026-12-03T10:05Z\","
                + " \"duration\": \"PT4M\"}");

        assertThat(job.updatedAt()).isEqualTo(Instant.parse("2026-12-03T10:05:00Z"));
    }

    @Test
    void aPendingJobOrAnUnreadableDurationShowsNoLastChange() throws Exception {
        assertThat(read("{\"jobId\": 7, \"status\": \"pending\", \"jobType\": \"sync\","
                                + " \"startTime\": \"2026-12-03T10:00:00Z\"}")
                        .updatedAt())
                .isNull();
        assertThat(read("{\"jobId\": 7, \"status\": \"running\", \"jobType\": \"sync\","
                                + " \"startTime\": \"2026-12-03T10:00:00Z\", \"duration\": \"soon\"}")
                        .updatedAt())
                .isNull();
    }
}
