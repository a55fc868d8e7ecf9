package org.camelbyte.airbyte;

import java.time.Duration;
import java.util.Optional;

/**
 * A transient failure: IO error, timeout, 5xx or 429. Worth retrying; {@link #retryAfter()} carries a
 * server's Retry-After. {@link #outcomeUnknown()} is true when the request may have taken effect
 * (the answer was lost), so a job-creating call must look before it POSTs again.
 */
public class AirbyteUnavailableException extends AirbyteException {
    private final Duration retryAfter;
    private final boolean outcomeUnknown;

    public AirbyteUnavailableException(String message, Duration retryAfter, boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.outcomeUnknown = outcomeUnknown;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
