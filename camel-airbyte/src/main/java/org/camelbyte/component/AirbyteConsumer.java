package org.camelbyte.component;

import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** airbyte:outcomes: each run's outcome (run JSON as a map, headers set) that passes the pipeline and status filters. */
class AirbyteConsumer extends DefaultConsumer {
    private final AirbyteEndpoint endpoint;
    private final Set<String> statuses;

    AirbyteConsumer(AirbyteEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.statuses = endpoint.statusFilter();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.getComponent().runs().outcomes().add(this);
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().runs().outcomes().remove(this);
        super.doStop();
    }

    void offer(PipelineRun run) {
        if (!isRunAllowed() || !wanted(run)) {
            return;
        }
        Exchange exchange = createExchange(false);
        Bodies.run(exchange.getMessage(), run);
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException(
                                "airbyte:outcomes route failed on run " + run.runId(),
                                exchange,
                                exchange.getException());
            }
            releaseExchange(exchange, false);
        });
    }

    private boolean wanted(PipelineRun run) {
        return (endpoint.getPipeline() == null || endpoint.getPipeline().equals(run.pipeline()))
                && (statuses.isEmpty() || statuses.contains(run.status()));
    }
}
