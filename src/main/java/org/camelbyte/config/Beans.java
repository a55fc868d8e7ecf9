package org.camelbyte.config;

/**
 * The registry names the YAML routes and the route builders call beans by, in one place: renaming one
 * here means renaming it in {@code routes/*.camel.yaml} too.
 */
public final class Beans {
    /** {@code org.camelbyte.intake.RunRequests}: schedules and queue messages into run records. */
    public static final String RUN_REQUESTS = "runRequests";
    /** {@code org.camelbyte.intake.RunRequestParser}: the queue trigger's request check. */
    public static final String RUN_REQUEST_PARSER = "runRequestParser";
    /** The JDBC idempotent repository the queue trigger dedupes requestIds with. */
    public static final String REQUEST_ID_REPOSITORY = "requestIdRepository";
    /** {@code org.camelbyte.group.GroupRuns}: group schedules, group requests and member outcomes. */
    public static final String GROUP_RUNS = "groupRuns";
    /** The circuit breaker shared by every call to Airbyte. */
    public static final String AIRBYTE_CIRCUIT_BREAKER = "airbyteCircuitBreaker";
    /** The health check reporting that breaker's state. */
    public static final String AIRBYTE_HEALTH_CHECK = "airbyteHealthCheck";
    /** The one scheduler for every run's poll delays and delayed retries. */
    public static final String RUN_SCHEDULER = "runScheduler";
    /** {@code org.camelbyte.api.ApiAuthentication}: the first step of every {@code /api} route. */
    public static final String API_AUTHENTICATION = "apiAuthentication";
    /** The schedule firings' step in the schedule templates (misfire and recovered firings). */
    public static final String QUARTZ_FIRINGS = "quartzFirings";
    /** The outcome route's metrics step. */
    public static final String RUN_METRICS = "runMetrics";
    /** The outcome route's event step (the run JSON with its kind). */
    public static final String OUTCOME_EVENTS = "outcomeEvents";
    /** The outcome route's hand-off to airbyte:outcomes consumers. */
    public static final String AIRBYTE_OUTCOMES = "airbyteOutcomes";

    private Beans() {}
}
