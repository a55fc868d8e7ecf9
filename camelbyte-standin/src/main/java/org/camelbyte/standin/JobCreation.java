package org.camelbyte.standin;

import java.time.Duration;

/** Starts jobs for both flavours, with the slowness a loaded Airbyte shows on this call. */
final class JobCreation {

    private final JobStore jobs;
    private final StandInFaults faults;

    JobCreation(JobStore jobs, StandInFaults faults) {
        this.jobs = jobs;
        this.faults = faults;
    }

    StandInJob create(ScenarioConnection connection, String jobType) {
        pause(faults.jobCreationDelay());
        if (faults.takeStartConflict()) {
            throw new JobConflict(
                    JobConflict.Reason.ALREADY_RUNNING, "A sync is already running for: " + connection.id(), null);
        }
        StandInJob job = jobs.create(connection, jobType);
        pause(faults.jobAnswerDelay());
        return job;
    }

    /** Config API reset: never a conflict, it cancels what runs and starts the reset. */
    StandInJob replaceRunning(ScenarioConnection connection, String jobType) {
        pause(faults.jobCreationDelay());
        jobs.runningOn(connection.id()).ifPresent(jobs::cancel);
        StandInJob job = jobs.create(connection, jobType);
        pause(faults.jobAnswerDelay());
        return job;
    }

    static void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
