package org.camelbyte.observe;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The circuit breaker's state (one gauge per state, 1 for the current one) and its transitions, from the
 * breaker's own event publisher (resilience4j-micrometer is not on the classpath).
 */
public final class BreakerMetrics {
    private BreakerMetrics() {}

    public static void bind(CircuitBreaker breaker, MeterRegistry registry) {
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("camelbyte.circuit.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("1 for the breaker's current state, 0 for the others")
                    .tags("name", breaker.getName(), "state", name(state))
                    .register(registry);
        }
        breaker.getEventPublisher()
                .onStateTransition(e -> Counter.builder("camelbyte.circuit.breaker.transitions")
                        .description("Circuit breaker state changes")
                        .tags(
                                "name",
                                breaker.getName(),
                                "from",
                                name(e.getStateTransition().getFromState()),
                                "to",
                                name(e.getStateTransition().getToState()))
                        .register(registry)
                        .increment());
    }

    private static String name(CircuitBreaker.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
