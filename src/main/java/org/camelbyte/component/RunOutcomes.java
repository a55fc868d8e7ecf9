package org.camelbyte.component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camelbyte.run.Run;

/**
 * Every run's outcome, handed by the app's outcome route (bean {@code airbyteOutcomes}) to the
 * airbyte:outcomes consumers. A consumer's failure stays in its own route: the outcome route goes on.
 */
public final class RunOutcomes {
    private final List<AirbyteConsumer> consumers = new CopyOnWriteArrayList<>();

    public void publish(Run run) {
        for (AirbyteConsumer consumer : consumers) {
            consumer.offer(run);
        }
    }

    void add(AirbyteConsumer consumer) {
        consumers.add(consumer);
    }

    void remove(AirbyteConsumer consumer) {
        consumers.remove(consumer);
    }
}
