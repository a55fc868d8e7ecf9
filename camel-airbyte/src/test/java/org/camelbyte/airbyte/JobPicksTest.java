package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Picking a run's job out of a listing checks type and connection itself: a server that ignores the listing's
 * {@code jobType} or {@code connectionId} filter must not hand a run another job.
 */
class JobPicksTest {
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    private static AirbyteJob job(long id, String connection, JobType type, JobStatus status) {
        return new AirbyteJob(id, connection, type, status, NOW, 0, 0, 0, null, List.of(), null);
    }

    @Test
    void aLostAnswersJobIsOfTheRunsTypeAndConnection() {
        List<AirbyteJob> newestFirst = List.of(
                job(14, "c1", JobType.SYNC, JobStatus.RUNNING),
                job(13, "c2", JobType.RESET, JobStatus.RUNNING),
                job(12, "c1", JobType.RESET, JobStatus.RUNNING),
                job(11, "c1", JobType.RESET, JobStatus.SUCCEEDED));

        assertThat(JobPicks.after(newestFirst, "c1", JobType.RESET, 11))
                .extracting(AirbyteJob::jobId)
                .containsExactly(12L);
        assertThat(JobPicks.createdSince(newestFirst, "c1", JobType.RESET, NOW))
                .map(AirbyteJob::jobId)
                .hasValue(12L);
    }

    @Test
    void a409AdoptsOnlyARunningJobOfTheSameType() {
        List<AirbyteJob> newestFirst = List.of(job(12, "c1", JobType.SYNC, JobStatus.RUNNING));

        assertThat(JobPicks.runningOfType(newestFirst, JobType.SYNC, "POST /jobs", "c1")
                        .jobId())
                .isEqualTo(12);
        assertThatThrownBy(() -> JobPicks.runningOfType(newestFirst, JobType.RESET, "POST /jobs", "c1"))
                .isInstanceOf(AirbyteRejectedException.class)
                .hasMessage("Airbyte is already running a sync job (id 12) on connection c1; a reset cannot start on"
                        + " connection c1 until it ends, so retry later.");
    }
}
