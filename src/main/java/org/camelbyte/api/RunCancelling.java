package org.camelbyte.api;

import java.time.Clock;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunCancels;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.camelbyte.steps.RunEnding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/runs/{runId}/cancel}: cancels the run's Airbyte job through the shared breaker, records
 * the run as cancelled (only if it has no outcome yet, in one statement) and leaves a note the run's poll
 * loop acts on, so the loop stops instead of polling on and recording an outcome of its own.
 */
final class RunCancelling {
    private static final Logger LOG = LoggerFactory.getLogger(RunCancelling.class);
    private final RunStore store;
    private final RunCancels cancels;
    private final RunEnding ending;
    private final Clock clock;

    RunCancelling(RunStore store, RunCancels cancels, RunEnding ending, Clock clock) {
        this.store = store;
        this.cancels = cancels;
        this.ending = ending;
        this.clock = clock;
    }

    Run cancel(String runId, String caller) {
        Run run = find(runId);
        if (run.isFinal()) {
            throw ended(run);
        }
        if (run.getJobId() == null || run.getStatus() != RunStatus.RUNNING) {
            throw new ApiProblem(
                            409,
                            "Run " + runId + " is " + run.getStatus().wireName()
                                    + (run.getJobId() == null
                                            ? " and has no Airbyte job to cancel yet; try again once it is running."
                                            : " and its sync has ended; its post-sync checks finish on their own."))
                    .with("status", run.getStatus().wireName());
        }
        // noted before the Airbyte call: a poll that sees the job cancelled must already know who asked. The note
        // says what this call is about to do, so a loop that ends the run on it first (and whose outcome write may
        // come after ours) records the whole sentence; a cancel Airbyte refuses is corrected below
        String asked = "Cancelled through the API by " + caller + ": job " + run.getJobId();
        cancels.request(runId, asked + "; it was cancelled in Airbyte.");
        String error = asked + ending.cancelJob(run, ".");
        cancels.request(runId, error);
        if (!store.endIfOpen(runId, RunStatus.CANCELLED, error, clock.instant())) {
            // the loop may have ended it first, on this cancel's note; any other outcome stands
            cancels.withdraw(runId);
            Run ended = find(runId);
            if (ended.getStatus() != RunStatus.CANCELLED
                    || ended.getError() == null
                    || !ended.getError().startsWith(asked)) {
                throw ended(ended);
            }
            if (!error.equals(ended.getError())) {
                ended.setError(error);
                store.update(ended);
            }
        }
        LOG.warn("Pipeline {}: run {} {}", run.getPipeline(), runId, error);
        return find(runId);
    }

    private Run find(String runId) {
        return store.find(runId)
                .orElseThrow(() -> new ApiProblem(
                        404, "No run has id '" + runId + "'; GET /api/runs lists the runs with their runId."));
    }

    private static ApiProblem ended(Run run) {
        return new ApiProblem(
                        409,
                        "Run " + run.getRunId() + " already ended "
                                + run.getStatus().wireName() + "; there is nothing left to cancel.")
                .with("status", run.getStatus().wireName());
    }
}
