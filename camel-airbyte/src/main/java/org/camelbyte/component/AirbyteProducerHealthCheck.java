package org.camelbyte.component;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one airbyte: producer: DOWN, with one sentence, while the Airbyte it talks to looks unreachable
 * (its watcher's listings fail, or its last call did), UP otherwise. It makes no call of its own: a probe per
 * check would load Airbyte as often as a platform asks, and the producer's own calls already tell.
 */
final class AirbyteProducerHealthCheck extends AbstractHealthCheck {
    private final AirbyteProducer producer;

    AirbyteProducerHealthCheck(AirbyteProducer producer, String endpointId) {
        super("camel", "producer:airbyte-" + endpointId);
        this.producer = producer;
    }

    @Override
    public boolean isLiveness() {
        // an unreachable Airbyte is no reason to restart this application, only to send it no work
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        producer.trouble().ifPresentOrElse(why -> builder.message(why).down(), builder::up);
    }
}
