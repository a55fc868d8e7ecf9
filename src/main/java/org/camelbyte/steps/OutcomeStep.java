package org.camelbyte.steps;

import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives the run its outcome from the job's end (unless a step already decided it) and records it. */
class OutcomeStep implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger("org.camelbyte.outcome");
    private final RunStore store;
    private final Clock clock;

    OutcomeStep(RunStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = exchange.getMessage().getBody(Run.class);
        if (!run.isFinal()) {
            AirbyteJob job = exchange.getProperty(AirbyteJob.class.getName(), AirbyteJob.class);
            switch (job.status()) {
                case SUCCEEDED -> run.setStatus(RunStatus.SUCCEEDED);
                case CANCELLED -> {
                    run.setStatus(RunStatus.CANCELLED);
                    run.setError("Job " + job.jobId() + " was cancelled in Airbyte before it finished.");
                }
                default -> {
                    run.setStatus(RunStatus.FAILED);
                    if (run.getError() == null) {
                        run.setError("Airbyte reports job " + job.jobId() + " failed without giving a reason (the public API"
                                + " reports none); read the job's logs in Airbyte.");
                    }
                }
            }
            run.setEndedAt(clock.instant());
            store.update(run);
        }
        log(run);
    }

    static void log(Run run) {
        Duration took = Duration.between(run.getStartedAt(), run.getEndedAt() == null ? run.getStartedAt() : run.getEndedAt());
        if (run.getStatus() == RunStatus.SUCCEEDED) {
            LOG.info("Pipeline {}: run {} succeeded in {}: job {}, {} rows, {} bytes", run.getPipeline(), run.getRunId(),
                    PollStep.format(took), run.getJobId(), run.getRowsSynced(), run.getBytesSynced());
        } else {
            LOG.warn("Pipeline {}: run {} {} after {}: {}", run.getPipeline(), run.getRunId(), run.getStatus().wireName(),
                    PollStep.format(took), run.getError());
        }
    }
}
