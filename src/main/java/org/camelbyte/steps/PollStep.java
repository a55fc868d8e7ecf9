package org.camelbyte.steps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.JobStatus;
import org.camelbyte.config.Durations;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One status call: reads the job, writes what changed to the run record, tells the loop whether the job
 * has ended, and logs a progress line now and then so a person watching sees the sync move.
 */
class PollStep implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger("org.camelbyte.progress");

    private final AirbyteClient airbyte;
    private final RunStore store;
    private final Clock clock;
    private final Duration progressEvery;

    PollStep(AirbyteClient airbyte, RunStore store, Clock clock, Duration progressEvery) {
        this.airbyte = airbyte;
        this.store = store;
        this.clock = clock;
        this.progressEvery = progressEvery;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = exchange.getMessage().getBody(Run.class);
        AirbyteJob job = airbyte.getJob(run.getJobId());
        exchange.setProperty(RunProperties.FAILED_POLLS, 0);
        exchange.setProperty(RunProperties.POLL_DELAY_MS, exchange.getProperty(RunProperties.POLL_INTERVAL_MS));
        if (changed(run, job) || run.getProgressAt() == null) {
            Instant now = clock.instant();
            if (!job.status().wireName().equals(run.getJobStatus()) || run.getJobStatusSince() == null) {
                run.setJobStatusSince(now);
                if (job.status() == JobStatus.INCOMPLETE) {
                    run.setIncompleteAttempts(run.getIncompleteAttempts() + 1);
                }
            }
            run.setIncompleteAttempts(Math.max(run.getIncompleteAttempts(), endedIncomplete(job)));
            run.setProgressAt(now);
            run.setJobStatus(job.status().wireName());
            run.setRowsSynced(job.rowsSynced());
            run.setBytesSynced(job.bytesSynced());
            run.setAttempts(job.attempts());
            if (job.failureReason() != null) {
                run.setError(job.failureReason());
            }
            store.update(run);
        }
        exchange.setProperty(AirbyteJob.class.getName(), job);
        if (job.status().isTerminal()) {
            exchange.setProperty(RunProperties.JOB_DONE, true);
        } else {
            logProgress(exchange, run);
        }
    }

    /**
     * Attempts the job reports as ended without success: all but the one under way. The public API reports
     * no attempts, so there the count comes from polls that saw the job incomplete.
     */
    private static int endedIncomplete(AirbyteJob job) {
        return job.status() == JobStatus.INCOMPLETE ? job.attempts() : Math.max(0, job.attempts() - 1);
    }

    private static boolean changed(Run run, AirbyteJob job) {
        return !job.status().wireName().equals(run.getJobStatus())
                || job.rowsSynced() != run.getRowsSynced()
                || job.bytesSynced() != run.getBytesSynced()
                || job.attempts() != run.getAttempts();
    }

    private void logProgress(Exchange exchange, Run run) {
        Instant now = clock.instant();
        Instant last = exchange.getProperty(RunProperties.LAST_PROGRESS_LOG, Instant.class);
        if (last != null && Duration.between(last, now).compareTo(progressEvery) < 0) {
            return;
        }
        exchange.setProperty(RunProperties.LAST_PROGRESS_LOG, now);
        // from when this run started (or adopted) the job, not from the run's start: lookups and retries came first
        Instant followedSince = exchange.getProperty(RunProperties.JOB_FOLLOWED_SINCE, Instant.class);
        Duration elapsed = Duration.between(followedSince != null ? followedSince : run.getStartedAt(), now);
        // the attempts the run JSON shows (the public API reports none)
        LOG.info("Pipeline {}, run {}: job {} {}, followed for {}, {} rows, {} bytes, {} attempts", run.getPipeline(),
                run.getRunId(), run.getJobId(), run.getJobStatus(), Durations.format(elapsed), run.getRowsSynced(),
                run.getBytesSynced(), run.getAttempts());
    }
}
