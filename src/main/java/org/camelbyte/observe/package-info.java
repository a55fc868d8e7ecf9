/**
 * What operators watch: Prometheus metrics (run outcomes, Airbyte calls, the circuit breaker, retries,
 * quality checks, queue intake, in-flight runs, detection lag), health checks (Airbyte, state database,
 * broker), outcome events' JSON and the logs' run context (MDC) and format.
 * <p>
 * It reads runs, group runs and Airbyte calls as they pass; it decides nothing about them and must not
 * change a run, call Airbyte on its own or hold a run's thread.
 */
package org.camelbyte.observe;
