package org.camelbyte.steps;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.JobType;
import org.camelbyte.airbyte.TriggeredJob;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Airbyte job, or finds the one an earlier attempt started. The moment of the first POST is
 * written before the POST goes out; any later attempt (a redelivery, or a restarted app) first looks for
 * a job created since then, so a lost answer never leads to a second sync.
 */
class TriggerStep implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerStep.class);
    /**
     * Airbyte's and our clocks differ, and Airbyte reports creation to the second; look a little before our
     * own timestamp (a job found there that another run follows is not ours).
     */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(5);

    private final AirbyteClient airbyte;
    private final CircuitBreaker breaker;
    private final RunStore store;
    private final Clock clock;

    TriggerStep(AirbyteClient airbyte, CircuitBreaker breaker, RunStore store, Clock clock) {
        this.airbyte = airbyte;
        this.breaker = breaker;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = exchange.getMessage().getBody(Run.class);
        if (run.getJobId() != null) {
            return;
        }
        JobType type = JobType.parse(run.getJobType());
        if (run.getTriggerRequestedAt() != null) {
            Optional<AirbyteJob> earlier = breaker.executeSupplier(() -> airbyte.findJobCreatedSince(
                    run.getConnectionId(), type, run.getTriggerRequestedAt().minus(CLOCK_SLACK)))
                    .filter(job -> !store.jobFollowedByAnotherRun(job.jobId(), run.getRunId()));
            if (earlier.isPresent()) {
                LOG.info("Pipeline {}: found job {} started by an earlier attempt; following it instead of starting another",
                        run.getPipeline(), earlier.get().jobId());
                started(exchange, run, earlier.get());
                return;
            }
        } else {
            run.setTriggerRequestedAt(clock.instant());
            store.update(run);
        }
        TriggeredJob triggered = breaker.executeSupplier(() -> airbyte.startJob(run.getConnectionId(), type));
        if (triggered.adopted()) {
            LOG.info("Pipeline {}: a {} was already running on '{}'; following its job {}",
                    run.getPipeline(), type.wireName(), run.getConnectionName(), triggered.job().jobId());
        }
        started(exchange, run, triggered.job());
    }

    private void started(Exchange exchange, Run run, AirbyteJob job) {
        Instant now = clock.instant();
        long timeoutMs = exchange.getProperty(RunProperties.TIMEOUT_MS, Long.class);
        run.setJobId(job.jobId());
        run.setJobStatus(job.status().wireName());
        run.setJobStatusSince(now);
        run.setProgressAt(now);
        run.setStatus(RunStatus.RUNNING);
        run.setDeadline(now.plusMillis(timeoutMs));
        store.update(run);
        LOG.info("Pipeline {}: job {} {} on '{}'", run.getPipeline(), job.jobId(), job.status().wireName(),
                run.getConnectionName());
    }
}
