package org.camelbyte.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Why a run is not moving right now: the step that waits ({@code lookup}, {@code trigger}), the last error
 * as a sentence, which attempt comes next and when. Shown in the run JSON; cleared when the step succeeds.
 *
 * @param nextAttemptAt null while a call is still out (the job-creating POST has not answered yet)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunWaiting(String step, String error, int attempt, Instant nextAttemptAt) {}
