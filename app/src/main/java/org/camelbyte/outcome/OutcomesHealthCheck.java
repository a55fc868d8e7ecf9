package org.camelbyte.outcome;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness as far as outcome events go: DOWN, saying how many wait in the state database and why, while the
 * relay cannot deliver them (the events are safe in the outbox and go out once it can); UP otherwise, with the
 * number waiting as a detail.
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
        if (failure == null) {
            builder.up();
        } else {
            builder.message(relay.waiting() + " outcome events wait in the state database until outcomes.uri takes"
                            + " them (none is lost): " + failure)
                    .down();
        }
    }
}
