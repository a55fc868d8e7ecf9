/**
 * What operators watch: Prometheus metrics (run outcomes, Airbyte calls, the circuit breaker, retries,
 * quality checks, queue intake, in-flight runs, detection lag), health checks (Airbyte, state database,
 * broker), outcome events' JSON and the logs' run context (MDC) and format.
 *
 * <p>Must not change runs: it reads runs, group runs and Airbyte calls as they pass and reports; it never
 * calls Airbyte on its own or holds a run's thread.
 */
package org.camelbyte.observe;
