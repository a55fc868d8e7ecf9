package org.camelbyte.steps;

/** Names of the exchange properties the run route and its steps share; {@link RunHandOver} sets the first five. */
final class RunProperties {
    /** The run's pipeline, whose route the run queue sends the run to. */
    static final String PIPELINE = "camelbytePipeline";

    static final String POLL_DELAY_MS = "pollDelayMs";
    static final String TIMEOUT_MS = "timeoutMs";
    static final String CANCEL_ON_TIMEOUT = "cancelOnTimeout";
    /** The pipeline's watchdogs, whose limits a waiting run wakes for. */
    static final String WATCHDOG = "watchdog";

    static final String JOB_DONE = "jobDone";
    static final String LAST_PROGRESS_LOG = "lastProgressLog";
    /** When this run started or adopted its job (or, after a restart, resumed following it). */
    static final String JOB_FOLLOWED_SINCE = "jobFollowedSince";
    /** When this run's latest job-creating POST was given up without an answer (timed out, dropped, 5xx). */
    static final String POST_UNANSWERED_AT = "camelbytePostUnansweredAt";

    /** The post-sync steps' failure sentence, for the finish step to record; absent when they passed. */
    static final String POST_SYNC_FAILURE = "postSyncFailure";
    /** Set once the finish step published the run's outcome: a second call (the run queue's safety net) does nothing. */
    static final String PUBLISHED = "camelbyteRunPublished";

    /** Set once this route recorded (or took) the run's outcome: a later ending of the same route publishes none. */
    static final String ENDED = "camelbyteRunEnded";

    private RunProperties() {}
}
