package org.camelbyte.standin;

import java.time.Duration;
import java.util.Random;

/**
 * A seeded fault campaign: each request draws once, so the same seed and request order give the same
 * faults. Shares are fractions of requests (0..1) and must not add up to more than 1.
 */
final class RandomFaults {

    private final Random random;
    private final double failShare;
    private final double rateLimitShare;
    private final double dropShare;
    private final double delayShare;
    private final Duration maxDelay;
    private final String pathFilter;

    RandomFaults(
            long seed,
            double failShare,
            double rateLimitShare,
            double dropShare,
            double delayShare,
            Duration maxDelay,
            String pathFilter) {
        if (failShare + rateLimitShare + dropShare + delayShare > 1.0) {
            throw new IllegalArgumentException("fault shares add up to more than 1");
        }
        this.random = new Random(seed);
        this.failShare = failShare;
        this.rateLimitShare = rateLimitShare;
        this.dropShare = dropShare;
        this.delayShare = delayShare;
        this.maxDelay = maxDelay;
        this.pathFilter = pathFilter;
    }

    synchronized Fault draw(String path) {
        if (pathFilter != null && !path.contains(pathFilter)) {
            return null;
        }
        double roll = random.nextDouble();
        if ((roll -= failShare) < 0) {
            return Fault.fail(random.nextBoolean() ? 503 : 500);
        }
        if ((roll -= rateLimitShare) < 0) {
            return Fault.rateLimit(random.nextBoolean() ? 1 : null);
        }
        if ((roll -= dropShare) < 0) {
            return Fault.drop();
        }
        if ((roll - delayShare) < 0) {
            return Fault.delay(Duration.ofMillis((long) (random.nextDouble() * maxDelay.toMillis())));
        }
        return null;
    }
}
