package org.camelbyte.component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every run's outcome, handed by the host application to the airbyte:outcomes consumers. A consumer's
 * failure stays in its own route: the host goes on.
 */
public final class RunOutcomes {
    private final List<AirbyteConsumer> consumers = new CopyOnWriteArrayList<>();

    public void publish(PipelineRun run) {
        for (AirbyteConsumer consumer : consumers) {
            consumer.offer(run);
        }
    }

    /** Whether any airbyte:outcomes consumer listens: a host can skip making a run's view for nobody. */
    public boolean hasConsumers() {
        return !consumers.isEmpty();
    }

    void add(AirbyteConsumer consumer) {
        consumers.add(consumer);
    }

    void remove(AirbyteConsumer consumer) {
        consumers.remove(consumer);
    }
}
