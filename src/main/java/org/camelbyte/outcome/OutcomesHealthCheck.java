package org.camelbyte.outcome;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness detail for outcome events: how many wait in the state database and why. Always UP: the events
 * are safe in the outbox and the app keeps running syncs; the broker's own check says when it is down.
 */
class OutcomesHealthCheck extends AbstractHealthCheck {
    private final OutcomeRelay relay;

    OutcomesHealthCheck(OutcomeRelay relay) {
        super("camelbyte", "outcomes");
        this.relay = relay;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("waiting", relay.waiting());
        String failure = relay.failure();
        if (failure != null) {
            builder.message(relay.waiting() + " outcome events wait for the broker: " + failure);
        }
        builder.up();
    }
}
