package org.camelbyte.steps;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.AirbyteRejectedException;
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
 * only when there is none. Job ids, unlike Airbyte's timestamps, do not depend on its clock or its
 * precision, so a lost answer never leads to a second sync.
 */
class TriggerStep implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerStep.class);

    static final String STEP = "trigger";

    private final JobStart jobStart;
    private final RunStore store;
    private final Clock clock;
    private final JobWatcher watcher;

    TriggerStep(AirbyteClient airbyte, StartCalls calls, RunStore store, Clock clock, JobWatcher watcher) {
        this.watcher = watcher;
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
        } else {
            run.setBaselineJobId(jobStart.baseline(run.getConnectionId()));
            run.setTriggerRequestedAt(clock.instant());
        }
        // committed before the POST: a lost answer is then resolved from the record, even after a restart
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
        TriggeredJob triggered = jobStart.post(run.getConnectionId(), type);
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
        exchange.setProperty(RunProperties.JOB_FOLLOWED_SINCE, now);
        store.update(run);
        LOG.info(
                "Pipeline {}: job {} {} on '{}'",
                run.getPipeline(),
                job.jobId(),
                job.status().wireName(),
                run.getConnectionName());
    }
}
