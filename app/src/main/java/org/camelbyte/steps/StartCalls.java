package org.camelbyte.steps;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.camelbyte.airbyte.JobStart;

/**
 * The Airbyte calls of starts (the baseline read, the POST, the search for a lost answer's job), at most
 * {@code runs.concurrent-starts} in flight, each through the shared circuit breaker. The bound is on the calls,
 * not on the start pool's threads, so what the setting protects is Airbyte: a start's record writes before and
 * after its POST wait on commits without holding a call slot.
 */
final class StartCalls implements JobStart.Calls {
    private final Semaphore inFlight;
    private final CircuitBreaker breaker;

    StartCalls(int concurrentStarts, CircuitBreaker breaker) {
        this.inFlight = new Semaphore(concurrentStarts);
        this.breaker = breaker;
    }

    @Override
    public <T> T call(Supplier<T> airbyteCall) {
        // uninterruptible: a slot frees within the client's request timeout, and a stop then ends the start
        inFlight.acquireUninterruptibly();
        try {
            return breaker.executeSupplier(airbyteCall);
        } finally {
            inFlight.release();
        }
    }
}
