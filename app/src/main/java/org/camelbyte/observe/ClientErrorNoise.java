package org.camelbyte.observe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops Vert.x's "Unhandled exception in router" ERROR (with its stack trace) for a path it cannot decode
 * ({@code /api/runs/%zz}): Vert.x answers that request 400 itself, before Camel's router and the API's
 * refusal log see it, so the line reports a caller's mistake as the app's. Every other error of the router
 * is still logged.
 */
public class ClientErrorNoise extends TurboFilter {
    static final String ROUTER_LOGGER = "io.vertx.ext.web.RoutingContext";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        boolean undecodablePath = t instanceof IllegalArgumentException
                && String.valueOf(t.getMessage()).startsWith("Invalid escape sequence");
        return undecodablePath && ROUTER_LOGGER.equals(logger.getName()) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
