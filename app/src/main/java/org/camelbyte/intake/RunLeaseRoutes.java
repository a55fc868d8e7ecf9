package org.camelbyte.intake;

import java.time.Duration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The timer behind run ownership: every third of a lease this instance renews its leases and takes over
 * runs whose owner is gone, so a live instance never loses a run and a dead one's runs wait at most a lease.
 */
public class RunLeaseRoutes extends RouteBuilder {
    private final RunTakeover takeover;
    private final Duration lease;

    public RunLeaseRoutes(RunTakeover takeover, Duration lease) {
        this.takeover = takeover;
        this.lease = lease;
    }

    @Override
    public void configure() {
        long period = Math.max(100, lease.toMillis() / 3);
        from("timer:run-leases?delay=" + period + "&period=" + period)
                .routeId("run-leases")
                .doTry()
                .bean(takeover, "renewAndTakeOver")
                .doCatch(Exception.class)
                // the next tick tries again; a lease lasts three ticks, so one failure loses no run
                .log(LoggingLevel.WARN, "Renewing or taking over run leases failed: ${exception.message}")
                .end();
    }
}
