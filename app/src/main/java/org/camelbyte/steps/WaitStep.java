package org.camelbyte.steps;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.camelbyte.airbyte.JobFollower;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.run.Run;

/**
 * The wait between two looks at a job: the poll interval, or less when the job watcher sees the job change
 * (a webhook or a batched look), so a run notices its job's end at once. Holds no thread while it waits:
 * the timer and the wake-up both run on the shared run scheduler, whose pending waits a stop drops. The
 * run's {@link JobFollower} (the same one an airbyte:sync exchange waits with) is kept on the exchange.
 */
class WaitStep extends AsyncProcessorSupport {
    /** The run's {@link JobFollower}, kept on the exchange from one look to the next. */
    static final String FOLLOWER = "jobFollower";

    private final JobWatcher watcher;
    private final ScheduledExecutorService scheduler;

    WaitStep(JobWatcher watcher, ScheduledExecutorService scheduler) {
        this.watcher = watcher;
        this.scheduler = scheduler;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        long delayMs = exchange.getProperty(RunProperties.POLL_DELAY_MS, Long.class);
        try {
            if (RunVariable.of(exchange).getJobId() == null) {
                // no job to follow (yet): the interval alone
                scheduler.schedule(() -> callback.done(false), delayMs, TimeUnit.MILLISECONDS);
                return false;
            }
            followerOf(exchange, watcher)
                    .awaitChange(scheduler, Duration.ofMillis(delayMs), () -> callback.done(false));
        } catch (RejectedExecutionException stopping) {
            // the app is stopping: the loop's breakOnShutdown ends it, and the next start resumes the run
            callback.done(false);
        }
        return false;
    }

    /** The run's follower of its job, made at its first wait or look. */
    static JobFollower followerOf(Exchange exchange, JobWatcher watcher) {
        Run run = RunVariable.of(exchange);
        JobFollower follower = exchange.getProperty(FOLLOWER, JobFollower.class);
        if (follower == null || follower.jobId() != run.getJobId()) {
            follower = new JobFollower(watcher, run.getJobId(), run.getConnectionId());
            exchange.setProperty(FOLLOWER, follower);
        }
        return follower;
    }
}
