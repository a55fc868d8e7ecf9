package org.camelbyte.steps;

import java.time.Duration;

/**
 * How runs start their jobs: what protects Airbyte from a burst of runs, and how long a job-creating POST that
 * got no answer may still reach Airbyte.
 *
 * @param maxPerSecond jobs started per second at most ({@code runs.max-starts-per-second}); 0 when not set, no
 *     limit but {@code concurrent}
 * @param concurrent Airbyte calls of starts in flight at once ({@code runs.concurrent-starts})
 * @param requestTimeout how long the client waits for a POST's answer ({@code airbyte.request-timeout}): after
 *     a restart, the latest moment a POST noted as sent was given up
 * @param unansweredWait how long after a POST was given up it may still create its job ({@code
 *     runs.unanswered-start-wait})
 */
record StartSettings(int maxPerSecond, int concurrent, Duration requestTimeout, Duration unansweredWait) {}
