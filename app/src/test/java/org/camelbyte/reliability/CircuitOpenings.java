package org.camelbyte.reliability;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.atomic.AtomicInteger;
import org.camelbyte.app.TestApp;

/** Counts how often the app's shared Airbyte breaker opened, across every app instance it is attached to. */
final class CircuitOpenings {
    private final AtomicInteger opened = new AtomicInteger();

    void attachTo(TestApp app) {
        CircuitBreaker breaker =
                app.context().getRegistry().lookupByNameAndType("airbyteCircuitBreaker", CircuitBreaker.class);
        breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                opened.incrementAndGet();
            }
        });
    }

    int count() {
        return opened.get();
    }
}
