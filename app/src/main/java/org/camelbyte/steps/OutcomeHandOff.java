package org.camelbyte.steps;

import org.apache.camel.ProducerTemplate;
import org.camelbyte.run.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands a run whose outcome is recorded to {@code direct:run-outcome} (held runs, group progress, metrics). */
final class OutcomeHandOff {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeHandOff.class);
    private final ProducerTemplate producer;

    OutcomeHandOff(ProducerTemplate producer) {
        this.producer = producer;
    }

    void publish(Run run) {
        try {
            producer.sendBody("direct:run-outcome", run);
        } catch (RuntimeException e) {
            // the outcome and its event are safe in the state database (the outbox); only the in-process follow-ups
            // are missed, and the next start resumes open group runs
            LOG.warn(
                    "Pipeline {}, run {}: its outcome is recorded and its event will go out, but the follow-ups"
                            + " failed ({}); open group runs move on at the next start",
                    run.getPipeline(),
                    run.getRunId(),
                    e.getMessage());
        }
    }
}
