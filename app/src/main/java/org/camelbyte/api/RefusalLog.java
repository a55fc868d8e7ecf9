package org.camelbyte.api;

import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused calls (401, 403, 4xx input, the webhook's wrong secret and rate limit) at WARN with their cause
 * and source, at most one line per source a minute: an operator sees who is knocking and why, and a flood of
 * refusals cannot fill the log. Values are logged as given; the log format escapes control characters.
 */
public final class RefusalLog {
    /** The registry name the API's routes find it by. */
    public static final String BEAN = "apiRefusalLog";

    static final Duration QUIET = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    private static final String REMOTE = "CamelVertxPlatformHttpRemoteAddress";

    private final PerSource lines = new PerSource(1, QUIET, Clock.systemUTC());

    public void refused(String source, String method, String path, int status, String cause) {
        if (lines.allow(source)) {
            LOG.warn(
                    "Refused {} {} from {} with {}: {} (further refusals from this source are not logged for {} s)",
                    method,
                    // the webhook's path holds its secret, right or wrong: neither belongs in a log
                    path.startsWith(AirbyteWebhookRoutes.PATH) ? AirbyteWebhookRoutes.PATH + "<secret>" : path,
                    source,
                    status,
                    cause,
                    QUIET.toSeconds());
        }
    }

    /** Logs the refusal of the request in {@code exchange} (a platform-http one), if the app has a refusal log. */
    static void refused(Exchange exchange, int status, String cause) {
        RefusalLog log = exchange.getContext().getRegistry().lookupByNameAndType(BEAN, RefusalLog.class);
        if (log != null) {
            log.refused(
                    source(exchange),
                    exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "?", String.class),
                    exchange.getMessage().getHeader(Exchange.HTTP_PATH, "?", String.class),
                    status,
                    cause);
        }
    }

    /** The caller's IP address, as the HTTP server saw it. */
    static String source(Exchange exchange) {
        Object remote = exchange.getMessage().getHeader(REMOTE);
        if (remote instanceof io.vertx.core.net.SocketAddress vertx) {
            return vertx.hostAddress();
        }
        if (remote instanceof SocketAddress socket) {
            return socket.toString();
        }
        return remote == null ? "an unknown address" : remote.toString();
    }
}
