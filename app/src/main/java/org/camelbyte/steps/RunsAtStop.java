package org.camelbyte.steps;

import java.util.Locale;
import java.util.Optional;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunEnds;
import org.camelbyte.run.RunLeases;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stop does to runs still following an Airbyte job ({@code runs.on-stop}). By default nothing: the
 * records already hold every step, so the next start resumes the same jobs. With {@code cancel} the jobs
 * are cancelled in Airbyte and the runs end as cancelled, for setups where no sync may outlive the app.
 */
public class RunsAtStop {
    public enum Policy {
        LEAVE_RUNNING,
        CANCEL;

        public static Policy parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "leave-running" -> LEAVE_RUNNING;
                case "cancel" -> CANCEL;
                default ->
                    throw new IllegalStateException(
                            "Config key runs.on-stop is '" + value + "' but must be leave-running or cancel.");
            };
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RunsAtStop.class);
    private final Policy policy;
    private final RunEnds ending;
    private final RunStore store;
    private final RunLeases leases;
    private final FollowWaits waits;

    RunsAtStop(Policy policy, RunEnds ending, RunStore store, RunLeases leases, FollowWaits waits) {
        this.waits = waits;
        this.policy = policy;
        this.ending = ending;
        this.store = store;
        this.leases = leases;
    }

    /**
     * Called before Camel stops, while Airbyte and the state database are still reachable. Only this
     * instance's runs: the ones other instances follow are theirs to keep or cancel.
     */
    public void apply() {
        // the follow loops end at their safe point as soon as Camel's stop begins, not at their next due look
        waits.stop();
        var following = leases.owned().stream()
                .map(store::find)
                .flatMap(Optional::stream)
                .filter(r -> r.getJobId() != null && r.getStatus() == RunStatus.RUNNING)
                .toList();
        if (following.isEmpty()) {
            return;
        }
        if (policy == Policy.LEAVE_RUNNING) {
            LOG.info(
                    "Stopping with {} run(s) following Airbyte jobs; the jobs keep running and the next start, or another instance, resumes them"
                            + " (runs.on-stop: leave-running)",
                    following.size());
            return;
        }
        following.forEach(this::cancel);
    }

    private void cancel(Run run) {
        try {
            ending.cancelJobOrThrow(run);
            ending.endNow(
                    run,
                    RunStatus.CANCELLED,
                    "Job " + run.getJobId() + " was cancelled because the app stopped (runs.on-stop: cancel).");
        } catch (RuntimeException e) {
            // the run stays open: the next start resumes it rather than forgetting a job that may still run
            LOG.warn(
                    "Pipeline {}: cancelling job {} at stop failed ({}); the next start resumes the run",
                    run.getPipeline(),
                    run.getJobId(),
                    e.getMessage());
        }
    }
}
