package org.camelbyte.intake;

import java.util.List;
import java.util.Optional;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunLeases;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's runs and picks up the ones nobody follows: renews its leases, and claims open
 * runs whose owner is gone (lease passed) or unknown, then follows them. Runs a live instance owns are
 * left to it. The first pass, at start, also takes back the runs this instance id owned before a restart.
 */
public class RunTakeover {
    private static final Logger LOG = LoggerFactory.getLogger(RunTakeover.class);
    private final RunLeases leases;
    private final RunStore store;
    private final RunRequests requests;
    private boolean started;

    public RunTakeover(RunLeases leases, RunStore store, RunRequests requests) {
        this.leases = leases;
        this.store = store;
        this.requests = requests;
    }

    /** Synchronized with itself: the start pass and the timer must not both hand off a run they claimed. */
    public synchronized void renewAndTakeOver() {
        leases.renew();
        boolean includingOwn = !started;
        started = true;
        List<Run> claimed = leases.claimable(includingOwn).stream()
                .filter(leases::claim)
                .map(store::find)
                .flatMap(Optional::stream)
                .toList();
        if (claimed.isEmpty()) {
            return;
        }
        LOG.info(
                "Instance {} takes over {} unfinished run(s) {}",
                leases.lease().owner(),
                claimed.size(),
                includingOwn ? "left by the last stop or by instances gone" : "of instances gone");
        claimed.stream().filter(r -> !r.isHeld()).forEach(requests::handOff);
        // held runs stay held unless nothing is ahead of them
        claimed.stream().filter(Run::isHeld).map(Run::getPipeline).distinct().forEach(requests::releaseHeld);
    }

    /** At a graceful stop: another instance may take this one's open runs over at its next pass. */
    public void releaseAll() {
        int released = leases.release();
        if (released > 0) {
            LOG.info(
                    "Instance {} released {} open run(s) for other instances to take over",
                    leases.lease().owner(),
                    released);
        }
    }
}
