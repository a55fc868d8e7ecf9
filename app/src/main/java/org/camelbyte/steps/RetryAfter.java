package org.camelbyte.steps;

import org.apache.camel.Exchange;
import org.camelbyte.airbyte.AirbyteUnavailableException;

/**
 * Makes Camel's redelivery honour a server's Retry-After: the error handler takes its next delay from the
 * CamelRedeliveryDelay header when present, and from its exponential backoff otherwise.
 */
final class RetryAfter {
    private RetryAfter() {}

    static void rememberFor(Exchange exchange, RuntimeException failure) {
        if (failure instanceof AirbyteUnavailableException u && u.retryAfter().isPresent()) {
            exchange.getMessage()
                    .setHeader(Exchange.REDELIVERY_DELAY, u.retryAfter().get().toMillis());
        } else {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }
}
