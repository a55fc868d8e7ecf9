package org.camelbyte.bench;

import java.time.Duration;
import java.time.Instant;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.ScenarioConnection;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;

/**
 * Where a phase's wall went, from the clock's start: when the stand-in created its last job (the starts were
 * done) and when the last job ended (the scripted time). The wall less the last end is how long the phase took
 * to record (or, the poller, to see) that end: the part of the wall that is the follower's own.
 */
record Milestones(long lastCreatedMs, long lastEndMs) {

    static Milestones of(Instant clockStart, StandInScenario scenario, AirbyteStandIn standIn) {
        long lastCreated = -1;
        long lastEnd = -1;
        for (ScenarioConnection c : BenchScenario.measured(scenario)) {
            for (StandInJob job : standIn.jobsOf(c.id())) {
                lastCreated = Math.max(
                        lastCreated,
                        Duration.between(clockStart, job.createdAt()).toMillis());
                long end = job.endedAt()
                        .map(at -> Duration.between(clockStart, at).toMillis())
                        .orElse(-1L);
                lastEnd = Math.max(lastEnd, end);
            }
        }
        return new Milestones(lastCreated, lastEnd);
    }
}
