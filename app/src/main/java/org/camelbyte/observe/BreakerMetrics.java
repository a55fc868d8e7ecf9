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
        // the usual transitions are series from the start, so an alert on their increase sees the first one
        for (CircuitBreaker.State[] t : new CircuitBreaker.State[][] {
            {CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN},
            {CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN},
            {CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.OPEN},
            {CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.CLOSED}
        }) {
            transitions(breaker, t[0], t[1], registry);
        }
        breaker.getEventPublisher()
                .onStateTransition(e -> transitions(
                                breaker,
                                e.getStateTransition().getFromState(),
                                e.getStateTransition().getToState(),
                                registry)
                        .increment());
    }

    private static Counter transitions(
            CircuitBreaker breaker, CircuitBreaker.State from, CircuitBreaker.State to, MeterRegistry registry) {
        return Counter.builder("camelbyte.circuit.breaker.transitions")
                .description("Circuit breaker state changes, by the state left and the state entered")
                .tags("name", breaker.getName(), "from", name(from), "to", name(to))
                .register(registry);
    }

    private static String name(CircuitBreaker.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
