package org.camelbyte.steps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.AirbyteRejectedException;
import org.camelbyte.airbyte.AirbyteUnavailableException;
import org.camelbyte.airbyte.JobStart;
import org.camelbyte.airbyte.JobType;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.airbyte.TriggeredJob;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.camelbyte.run.RunWaiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Airbyte job, or finds the one an earlier attempt started. Before the first POST a baseline is
 * written to the run record: the newest job id overall, read once for the starts happening at the same
 * moment (Airbyte numbers all jobs from one sequence, so the job this run's POST creates is numbered above
 * it). Any later attempt (a redelivery after a timeout or a dropped connection, or a restarted app) first
 * adopts a job of the run's connection Airbyte numbered after it that no other run follows, and POSTs again
 * only when there is none and the lost POST can no longer land: a request can wait in Airbyte's (or a
 * proxy's) queue past the client's timeout and create its job after the next attempt looked. Job ids, unlike
 * Airbyte's timestamps, do not depend on its clock or its precision, so a lost answer never leads to a second
 * sync.
 */
class TriggerStep implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerStep.class);

    static final String STEP = "trigger";

    private final JobStart jobStart;
    private final RunStore store;
    private final Clock clock;
    private final JobWatcher watcher;
    private final StartSettings settings;

    TriggerStep(
            AirbyteClient airbyte,
            StartCalls calls,
            RunStore store,
            Clock clock,
            JobWatcher watcher,
            StartSettings settings) {
        this.watcher = watcher;
        this.settings = settings;
        this.jobStart = new JobStart(airbyte, calls);
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = RunVariable.of(exchange);
        if (run.getJobId() != null) {
            refuseJobOfAnotherInstance(run);
            exchange.setProperty(RunProperties.JOB_FOLLOWED_SINCE, clock.instant());
            return;
        }
        JobType type = JobType.parse(run.getJobType());
        if (run.getTriggerRequestedAt() != null) {
            Optional<AirbyteJob> earlier = jobOfEarlierAttempt(run, type);
            if (earlier.isPresent()) {
                LOG.info(
                        "Pipeline {}, run {}: found job {} started by an earlier attempt; following it instead of starting another",
                        run.getPipeline(),
                        run.getRunId(),
                        earlier.get().jobId());
                started(exchange, run, earlier.get());
                return;
            }
            refuseWhileUnansweredPostMayLand(exchange, run, type);
        } else {
            run.setBaselineJobId(jobStart.baseline(run.getConnectionId()));
            run.setTriggerRequestedAt(clock.instant());
        }
        // committed before the POST: a lost answer is then resolved from the record, even after a restart
        run.setTriggerPostedAt(clock.instant());
        run.setWaiting(new RunWaiting(
                STEP,
                "Waiting for Airbyte to answer the request that starts the " + type.wireName() + " job",
                exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1,
                null));
        if (!store.updateIfStillQueued(run)) {
            // cancelled while queued (POST /api/runs/{runId}/cancel): that call ended the run and published its
            // outcome, so this route stops here without a job and without a second outcome
            LOG.info(
                    "Pipeline {}, run {}: ended before its job started; not starting one",
                    run.getPipeline(),
                    run.getRunId());
            exchange.setRouteStop(true);
            return;
        }
        // a lost answer throws here; the redelivery (or the next start) finds the job from the record
        TriggeredJob triggered = post(exchange, run, type);
        if (triggered.adopted()) {
            LOG.info(
                    "Pipeline {}: a {} was already running on connection '{}'; following its job {}",
                    run.getPipeline(),
                    type.wireName(),
                    run.getConnectionName(),
                    triggered.job().jobId());
        }
        started(exchange, run, triggered.job());
    }

    /**
     * The POST, and what its failure means for the next attempt: one refused (the breaker open, a 4xx, a 429)
     * created nothing, so the next attempt may POST at once; one whose outcome is unknown notes when it was
     * given up, from which the next attempt counts how long it may still land.
     */
    private TriggeredJob post(Exchange exchange, Run run, JobType type) {
        try {
            return jobStart.post(run.getConnectionId(), type);
        } catch (RuntimeException failed) {
            if (failed instanceof AirbyteUnavailableException unavailable && unavailable.outcomeUnknown()) {
                exchange.setProperty(RunProperties.POST_UNANSWERED_AT, clock.instant());
            } else {
                // the record keeps the time until the next write: after a restart the next attempt waits once
                run.setTriggerPostedAt(null);
            }
            throw failed;
        }
    }

    /**
     * Airbyte numbered no job after the baseline, but the last POST, unanswered, may still create one: it can
     * wait in a queue of Airbyte's or a proxy's past our timeout. Another POST now could make a second sync
     * (Airbyte's 409 "already running" guards only while the first job runs), so the run looks again once the
     * lost POST can no longer land, and POSTs then only if there is still no job. Counted from when this app
     * gave the POST up, or, after a restart, from the latest it can have: its sending plus the client's timeout.
     */
    private void refuseWhileUnansweredPostMayLand(Exchange exchange, Run run, JobType type) {
        if (run.getTriggerPostedAt() == null) {
            return;
        }
        Instant givenUp = exchange.getProperty(RunProperties.POST_UNANSWERED_AT, Instant.class);
        if (givenUp == null) {
            givenUp = run.getTriggerPostedAt().plus(settings.requestTimeout());
        }
        Instant landsBy = givenUp.plus(settings.unansweredWait());
        Instant now = clock.instant();
        if (now.isBefore(landsBy)) {
            throw new AirbyteUnavailableException(
                    "The request that starts the " + type.wireName() + " job got no answer and Airbyte has"
                            + " numbered no job of it yet; it may still create one, so the run looks again at "
                            + landsBy + " and sends another only if there is still none.",
                    Duration.between(now, landsBy),
                    false,
                    null);
        }
    }

    /**
     * The job an earlier POST of this run created, if any, that no other run follows: by the noted baseline,
     * or by creation time for records written before baselines were noted.
     */
    private Optional<AirbyteJob> jobOfEarlierAttempt(Run run, JobType type) {
        return jobStart.hiddenJob(
                run.getConnectionId(),
                type,
                run.getBaselineJobId(),
                run.getTriggerRequestedAt(),
                jobId -> store.jobFollowedByAnotherRun(jobId, run.getRunId(), watcher.instance()));
    }

    /**
     * A job id names a job only on the Airbyte instance that numbered it: a run resumed against another one
     * (a replica with its own stand-in, the state database pointed at a new server) would follow a stranger's
     * job of the same id, so it fails instead. Records written before the instance was noted are followed.
     */
    private void refuseJobOfAnotherInstance(Run run) {
        String configured = watcher.instance();
        if (run.getAirbyteInstance() != null
                && configured != null
                && !run.getAirbyteInstance().equals(configured)) {
            throw new AirbyteRejectedException(
                    0,
                    "Job " + run.getJobId() + " of this run lives on Airbyte " + run.getAirbyteInstance()
                            + ", not on the configured " + configured
                            + ", so it is not followed; point airbyte.url (and airbyte.workspace) back at that"
                            + " instance to resume it, or start a new run.");
        }
    }

    private void started(Exchange exchange, Run run, AirbyteJob job) {
        // its first snapshot, and a time on Airbyte's clock for the watcher's listings to start from
        watcher.watch(job);
        Instant now = clock.instant();
        long timeoutMs = exchange.getProperty(RunProperties.TIMEOUT_MS, Long.class);
        run.setJobId(job.jobId());
        // with the job id, in the same write: the id means this job only on this instance
        run.setAirbyteInstance(watcher.instance());
        run.setJobStatus(job.status().wireName());
        run.setJobStatusSince(now);
        run.setProgressAt(now);
        run.setStatus(RunStatus.RUNNING);
        run.setDeadline(now.plusMillis(timeoutMs));
        run.setWaiting(null);
        run.setTriggerPostedAt(null);
        exchange.setProperty(RunProperties.JOB_FOLLOWED_SINCE, now);
        // the line below says what a first progress line would: the next one comes runs.progress-every later
        exchange.setProperty(RunProperties.LAST_PROGRESS_LOG, now);
        store.update(run);
        LOG.info(
                "Pipeline {}: job {} {} on '{}'",
                run.getPipeline(),
                job.jobId(),
                job.status().wireName(),
                run.getConnectionName());
    }
}
