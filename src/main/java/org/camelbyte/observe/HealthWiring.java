package org.camelbyte.observe;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.CamelContext;
import org.camelbyte.config.Beans;

/** Registers the health checks; Camel's health registry finds them in the registry. */
public final class HealthWiring {
    private HealthWiring() {}

    public static void wire(CamelContext context, CircuitBreaker airbyteBreaker) {
        context.getRegistry().bind(Beans.AIRBYTE_HEALTH_CHECK, new AirbyteHealthCheck(airbyteBreaker));
    }
}
