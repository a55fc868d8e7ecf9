package org.camelbyte.standin;

import java.util.List;

/**
 * One attempt of a job at a moment. Offsets are scenario seconds since the job was created;
 * {@code endOffset} is null while the attempt runs. Status is Airbyte's attempt status
 * (running, failed, succeeded).
 */
public record AttemptSnapshot(
        int number,
        String status,
        double startOffset,
        Double endOffset,
        long rows,
        long bytes,
        List<StreamRows> streams,
        String failure) {}
