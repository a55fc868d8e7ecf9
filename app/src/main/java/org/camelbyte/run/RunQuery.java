package org.camelbyte.run;

import java.time.Instant;

/**
 * A page of run history: optional filters (null means any), newest first, and where the previous page
 * ended ({@code beforeStartedAt}/{@code beforeRunId}, both null for the first page).
 */
public record RunQuery(
        String pipeline,
        RunStatus status,
        String trigger,
        Instant since,
        Instant until,
        Instant beforeStartedAt,
        String beforeRunId,
        int limit) {}
