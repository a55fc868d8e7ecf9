package org.camelbyte.config;

/**
 * The registry names the route builders look beans up by, in one place (no route file of the team's calls a
 * bean).
 */
public final class Beans {
    /** {@code org.camelbyte.group.GroupRuns}: group schedules, group requests and member outcomes. */
    public static final String GROUP_RUNS = "groupRuns";
    /** {@code org.camelbyte.intake.RunRequests}: schedules, queue messages and API calls into run records. */
    public static final String RUN_REQUESTS = "runRequests";
    /** The circuit breaker shared by every call to Airbyte. */
    public static final String AIRBYTE_CIRCUIT_BREAKER = "airbyteCircuitBreaker";
    /** The health check reporting that breaker's state. */
    public static final String AIRBYTE_HEALTH_CHECK = "airbyteHealthCheck";
    /** The one scheduler for every run's poll delays and delayed retries. */
    public static final String RUN_SCHEDULER = "runScheduler";
    /** {@code org.camelbyte.api.ApiAuthentication}: the first step of every {@code /api} route. */
    public static final String API_AUTHENTICATION = "apiAuthentication";
    /** The outcome route's metrics step. */
    public static final String RUN_METRICS = "runMetrics";
    /** The Prometheus meter registry camel-micrometer and our own meters share. */
    public static final String METRICS_REGISTRY = "metricsRegistry";
    /** The outcome route's event step (the run JSON with its kind). */
    public static final String OUTCOME_EVENTS = "outcomeEvents";
    /** The outcome route's hand-off to airbyte:outcomes consumers. */
    public static final String AIRBYTE_OUTCOMES = "airbyteOutcomes";

    private Beans() {}
}
