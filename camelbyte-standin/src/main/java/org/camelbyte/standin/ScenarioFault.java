package org.camelbyte.standin;

import java.time.Duration;

/**
 * A fault declared in the scenario YAML. {@code kind}: fail, rateLimit, rateLimitEvery (429 on every {@code count}th
 * call), delay, drop, slowJobCreation, slowJobAnswer or random. Only the fields of that kind matter; {@code path} limits it to paths containing that text.
 */
public record ScenarioFault(
        String kind,
        Integer count,
        Integer status,
        Integer retryAfterSeconds,
        Long millis,
        String path,
        Long seed,
        Double failShare,
        Double rateLimitShare,
        Double dropShare,
        Double delayShare) {

    void applyTo(StandInFaults faults) {
        int n = count == null ? 1 : count;
        switch (kind == null ? "" : kind) {
            case "fail" -> faults.failNext(n, status == null ? 503 : status, path);
            case "rateLimit" -> faults.rateLimitNext(n, retryAfterSeconds, path);
            case "rateLimitEvery" -> faults.rateLimitEvery(n, path);
            case "delay" -> faults.delayNext(n, Duration.ofMillis(millisOrZero()), path);
            case "drop" -> faults.dropNext(n, path);
            case "slowJobCreation" -> faults.slowJobCreation(Duration.ofMillis(millisOrZero()));
            case "slowJobAnswer" -> faults.slowJobAnswer(Duration.ofMillis(millisOrZero()));
            case "random" ->
                faults.random(
                        seed == null ? 0 : seed,
                        orZero(failShare),
                        orZero(rateLimitShare),
                        orZero(dropShare),
                        orZero(delayShare),
                        Duration.ofMillis(millisOrZero()),
                        path);
            default ->
                throw new IllegalArgumentException("fault kind '" + kind
                        + "' is not one of fail, rateLimit, rateLimitEvery, delay, drop, slowJobCreation, slowJobAnswer,"
                        + " random");
        }
    }

    private long millisOrZero() {
        return millis == null ? 0 : millis;
    }

    private static double orZero(Double share) {
        return share == null ? 0 : share;
    }
}
