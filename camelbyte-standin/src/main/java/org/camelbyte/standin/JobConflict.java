package org.camelbyte.standin;

/** Why a job could not be created. */
final class JobConflict extends RuntimeException {

    enum Reason {
        ALREADY_RUNNING,
        INACTIVE
    }

    private final Reason reason;
    private final transient StandInJob running;

    JobConflict(Reason reason, String message, StandInJob running) {
        super(message, null, false, false);
        this.reason = reason;
        this.running = running;
    }

    Reason reason() {
        return reason;
    }

    StandInJob running() {
        return running;
    }
}
