package org.camelbyte.observe;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness as far as Airbyte goes: DOWN while the shared circuit breaker is open, so an orchestrator sees
 * that runs are waiting on Airbyte rather than on the app.
 */
public class AirbyteHealthCheck extends AbstractHealthCheck {
    private final CircuitBreaker breaker;

    public AirbyteHealthCheck(CircuitBreaker breaker) {
        super("camelbyte", "airbyte");
        this.breaker = breaker;
    }

    @Override
    public boolean isLiveness() {
        // an unreachable Airbyte is no reason to restart this app
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        builder.detail("circuitBreaker", breaker.getState().name())
                .detail("failureRate", metrics.getFailureRate())
                .detail("failedCalls", metrics.getNumberOfFailedCalls());
        if (breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN) {
            builder.message("Airbyte is failing; the circuit breaker is open and runs wait until it recovers.")
                    .down();
        } else {
            builder.up();
        }
    }
}
