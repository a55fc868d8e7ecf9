package org.camelbyte.standin;

import java.time.Duration;

/** What the stand-in does to one request instead of (or before) answering it. */
record Fault(Kind kind, int httpStatus, Integer retryAfterSeconds, Duration delay) {

    enum Kind {
        FAIL,
        RATE_LIMIT,
        DELAY,
        DROP
    }

    static Fault fail(int status) {
        return new Fault(Kind.FAIL, status, null, null);
    }

    static Fault rateLimit(Integer retryAfterSeconds) {
        return new Fault(Kind.RATE_LIMIT, 429, retryAfterSeconds, null);
    }

    static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, null, delay);
    }

    static Fault drop() {
        return new Fault(Kind.DROP, 0, null, null);
    }
}
