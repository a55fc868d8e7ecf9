package org.camelbyte.steps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.AirbyteRejectedException;
import org.camelbyte.airbyte.Durations;
import org.camelbyte.airbyte.JobFollower;
import org.camelbyte.airbyte.JobStatus;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One look at the job: reads its latest snapshot from the {@link JobWatcher} (no Airbyte call of its own),
 * keeps what changed on the run, and tells the loop whether the job has ended. The record is written when
 * the status or the attempts change, and for rows and bytes alone at most every {@code progressEvery}, so
 * thousands of running syncs do not mean thousands of writes a second. Logs a progress line now and then
 * so a person watching sees the sync move.
 */
class PollStep implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger("org.camelbyte.progress");
    private static final String LAST_WRITE = "lastProgressWrite";

    private final JobWatcher watcher;
    private final RunStore store;
    private final Clock clock;
    private final Duration progressEvery;
    private final PollFailedStep refused;

    PollStep(JobWatcher watcher, RunStore store, Clock clock, Duration progressEvery, PollFailedStep refused) {
        this.watcher = watcher;
        this.store = store;
        this.clock = clock;
        this.progressEvery = progressEvery;
        this.refused = refused;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = RunVariable.of(exchange);
        JobFollower follower = WaitStep.followerOf(exchange, watcher);
        Optional<AirbyteJob> latest;
        try {
            latest = follower.look();
        } catch (AirbyteRejectedException e) {
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, e);
            refused.process(exchange);
            return;
        }
        if (latest.isEmpty()) {
            return;
        }
        AirbyteJob job = latest.get();
        if (job.connectionId() != null && !job.connectionId().equals(run.getConnectionId())) {
            // not this run's job (a record pointing at another Airbyte's job of the same id): its outcome is not ours
            follower.stop();
            refused.notThisRunsJob(exchange, job.connectionId());
            return;
        }
        boolean statusChanged = !job.status().wireName().equals(run.getJobStatus())
                || job.attempts() != run.getAttempts()
                || run.getProgressAt() == null;
        boolean progressed = job.rowsSynced() != run.getRowsSynced() || job.bytesSynced() != run.getBytesSynced();
        if (statusChanged || progressed) {
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
            // an ended job's status goes to the record with the run's next step (post_sync or the outcome), one
            // commit sooner; a crash in between resumes the run, which reads the ended job again
            if (!job.status().isTerminal() && (statusChanged || dueForProgressWrite(exchange, now))) {
                // a run ended meanwhile (a cancel through the API) keeps its outcome; this loop ends it on its next
                // pass
                store.updateWhileOpen(run);
                exchange.setProperty(LAST_WRITE, now);
            }
        }
        exchange.setProperty(AirbyteJob.class.getName(), job);
        if (job.status().isTerminal()) {
            follower.stop();
            exchange.setProperty(RunProperties.JOB_DONE, true);
        } else {
            logProgress(exchange, run);
        }
    }

    private boolean dueForProgressWrite(Exchange exchange, Instant now) {
        Instant last = exchange.getProperty(LAST_WRITE, Instant.class);
        return last == null || Duration.between(last, now).compareTo(progressEvery) >= 0;
    }

    /**
     * Attempts the job reports as ended without success: all but the one under way. The public API reports
     * no attempts, so there the count comes from polls that saw the job incomplete.
     */
    private static int endedIncomplete(AirbyteJob job) {
        return job.status() == JobStatus.INCOMPLETE ? job.attempts() : Math.max(0, job.attempts() - 1);
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
        // the attempts the run JSON shows (the public API reports none); and when the news is old, why
        LOG.info(
                "Pipeline {}, run {}: job {} {}, followed for {}, {} rows, {} bytes, {} attempts{}",
                run.getPipeline(),
                run.getRunId(),
                run.getJobId(),
                run.getJobStatus(),
                Durations.format(elapsed),
                run.getRowsSynced(),
                run.getBytesSynced(),
                run.getAttempts(),
                watcher.trouble()
                        .map(trouble -> "; last read "
                                + watcher.knownAsOf(run.getJobId())
                                        .map(at -> Durations.format(Duration.between(at, now)) + " ago")
                                        .orElse("never")
                                + ": " + trouble)
                        .orElse(""));
    }
}
