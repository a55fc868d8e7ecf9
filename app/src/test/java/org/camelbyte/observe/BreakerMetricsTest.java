package org.camelbyte.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The breaker's state and transitions as an alert rule reads them. */
class BreakerMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CircuitBreaker breaker = CircuitBreaker.ofDefaults("airbyte");

    @Test
    void theStateGaugeFollowsTheBreakerAndEachTransitionIsCounted() {
        BreakerMetrics.bind(breaker, registry);
        assertThat(state("closed")).isEqualTo(1);
        assertThat(state("open")).isZero();

        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();
        breaker.transitionToOpenState();

        assertThat(state("open")).isEqualTo(1);
        assertThat(state("closed")).isZero();
        assertThat(transitions("closed", "open")).isEqualTo(1);
        assertThat(transitions("half_open", "open")).isEqualTo(1);
        assertThat(transitions("open", "half_open")).isEqualTo(1);
    }

    private double state(String state) {
        return registry.get("camelbyte.circuit.breaker.state")
                .tags("name", "airbyte", "state", state)
                .gauge()
                .value();
    }

    private double transitions(String from, String to) {
        return registry.get("camelbyte.circuit.breaker.transitions")
                .tags("from", from, "to", to)
                .counter()
                .count();
    }
}
