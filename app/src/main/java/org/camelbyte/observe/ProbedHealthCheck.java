package org.camelbyte.observe;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A readiness check of one dependency the runs need: UP when its probe answers within the timeout, else
 * DOWN with what the outage means for runs and why. Never a liveness check: restarting the app brings
 * no database or broker back.
 */
abstract class ProbedHealthCheck extends AbstractHealthCheck implements AutoCloseable {
    private final TimedProbe probe;
    private final String consequence;

    ProbedHealthCheck(String id, Duration timeout, String consequence) {
        super("camelbyte", id);
        this.probe = new TimedProbe(id, timeout);
        this.consequence = consequence;
    }

    /** Asks the dependency something cheap; throws when it does not answer. */
    protected abstract void probe() throws Exception;

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String failure = probe.failure(this::probe);
        if (failure == null) {
            builder.up();
        } else {
            builder.message(consequence + " " + failure).down();
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}
