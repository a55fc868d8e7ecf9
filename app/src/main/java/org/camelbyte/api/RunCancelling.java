package org.camelbyte.api;

import java.time.Clock;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunEnds;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/runs/{runId}/cancel}, answered by any instance, whichever follows the run. Everything it
 * decides is written to the run record, never kept in this instance's memory:
 *
 * <ul>
 *   <li>a run with no job yet (queued, or held behind another run) ends here, in one statement that holds only
 *       while its job-creating POST has not gone out, so it never starts a job;
 *   <li>a running run gets the sentence naming who asked noted on its record, then its Airbyte job is
 *       cancelled and the run recorded as cancelled; the instance following it ends its loop with the
 *       noted sentence when it sees the job cancelled;
 *   <li>a run in post_sync has no job left to cancel: 409.
 * </ul>
 */
final class RunCancelling {
    private static final Logger LOG = LoggerFactory.getLogger(RunCancelling.class);
    private final RunStore store;
    private final RunEnds ending;
    private final Clock clock;

    RunCancelling(RunStore store, RunEnds ending, Clock clock) {
        this.store = store;
        this.ending = ending;
        this.clock = clock;
    }

    /** The run after the cancel, and whether this call ended it (its outcome is then the caller's to publish). */
    record Cancelled(Run run, boolean endedHere) {}

    Cancelled cancel(String runId, String caller) {
        Run run = find(runId);
        if (run.getJobId() == null && run.getStatus() == RunStatus.QUEUED) {
            String note =
                    "Cancelled through the API by " + caller + " before its Airbyte job started; no job was made.";
            if (ending.endUnstarted(run, note)) {
                return new Cancelled(run, true);
            }
            // its start won the race: the POST is out, so the run has (or is about to have) a job
            run = find(runId);
        }
        if (run.getStatus() == RunStatus.RUNNING && run.getJobId() != null) {
            return new Cancelled(cancelRunning(run, caller), false);
        }
        throw cannotCancel(run);
    }

    private Run cancelRunning(Run run, String caller) {
        String runId = run.getRunId();
        String asked = "Cancelled through the API by " + caller + ": job " + run.getJobId();
        // noted before the Airbyte call: the instance following the run may see the job cancelled at once, and
        // must find who asked on the record then
        String error = asked + "; it was cancelled in Airbyte.";
        if (!store.noteCancel(runId, error)) {
            throw cannotCancel(find(runId));
        }
        try {
            ending.cancelJobOrThrow(run);
        } catch (RuntimeException e) {
            // the job goes on, so the run does too: an outcome saying "cancelled" would leave a sync unfollowed
            store.withdrawCancel(runId);
            throw new ApiProblem(
                            502,
                            "Airbyte did not cancel job " + run.getJobId() + " of run " + runId + " ("
                                    + e.getMessage() + "); the run goes on following it. Try again, or cancel"
                                    + " the job in Airbyte.")
                    .with("status", run.getStatus().wireName());
        }
        if (!store.endIfRunning(runId, RunStatus.CANCELLED, error, clock.instant())) {
            // the loop got there first: it ended the run on this cancel's note, or the sync had ended and the
            // run's outcome (or its post-sync checks) stands
            Run ended = find(runId);
            if (ended.getStatus() != RunStatus.CANCELLED || !error.equals(ended.getError())) {
                throw cannotCancel(ended);
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

    /** Why this run cannot be cancelled now, as a 409 with its status. */
    private static ApiProblem cannotCancel(Run run) {
        String status = run.getStatus().wireName();
        String why;
        if (run.isFinal()) {
            why = "Run " + run.getRunId() + " already ended " + status + "; there is nothing left to cancel.";
        } else if (run.getStatus() == RunStatus.POST_SYNC) {
            why = "Run " + run.getRunId() + " is post_sync: its sync has finished and its post-sync checks are"
                    + " running; they end on their own, and there is no Airbyte job left to cancel.";
        } else {
            why = "Run " + run.getRunId() + " is " + status
                    + " and its request to start the Airbyte job is out; try again in a moment, once it has a job.";
        }
        return new ApiProblem(409, why).with("status", status);
    }
}
