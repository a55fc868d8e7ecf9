package org.camelbyte.steps;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.camelbyte.airbyte.JobFollower;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.pipeline.Watchdog;
import org.camelbyte.run.Run;

/**
 * The wait between two looks at a job: until the job watcher sees the job change (a webhook or a batched look),
 * so a run notices its job's end at once, or until something falls due without a change ({@link NextLook}:
 * the deadline, a watchdog's limit, the next progress line). Holds no thread while it waits:
 * the timer and the wake-up both run on the shared run scheduler, whose pending waits a stop drops. The
 * run's {@link JobFollower} (the same one an airbyte:sync exchange waits with) is kept on the exchange.
 */
class WaitStep extends AsyncProcessorSupport {
    /** The run's {@link JobFollower}, kept on the exchange from one look to the next. */
    static final String FOLLOWER = "jobFollower";

    private final JobWatcher watcher;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration progressEvery;
    private final FollowWaits waits;

    WaitStep(
            JobWatcher watcher,
            ScheduledExecutorService scheduler,
            Clock clock,
            Duration progressEvery,
            FollowWaits waits) {
        this.watcher = watcher;
        this.scheduler = scheduler;
        this.clock = clock;
        this.progressEvery = progressEvery;
        this.waits = waits;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        long delayMs = exchange.getProperty(RunProperties.POLL_DELAY_MS, Long.class);
        Run run = RunVariable.of(exchange);
        Runnable[] wake = new Runnable[1];
        try {
            if (run.getJobId() == null) {
                // no job to follow (yet): the interval alone
                scheduler.schedule(() -> callback.done(false), delayMs, TimeUnit.MILLISECONDS);
                return false;
            }
            Watchdog watchdog = exchange.getProperty(RunProperties.WATCHDOG, Watchdog.OFF, Watchdog.class);
            Duration poll = Duration.ofMillis(delayMs);
            // once the app is stopping, half a second at most: the loop then reaches its safe point (breakOnShutdown)
            // soon after Camel's stop begins, well within camel.main.shutdown-timeout
            Duration atMost = waits.stopping()
                    ? FollowWaits.WHILE_STOPPING
                    : NextLook.after(run, watchdog, clock.instant(), progressEvery, poll);
            AtomicBoolean once = new AtomicBoolean();
            Runnable wakeForStop = () -> {
                try {
                    scheduler.execute(wake[0]);
                } catch (RejectedExecutionException stopping) {
                    // the scheduler is already shut down: Camel's stop ends the exchange
                }
            };
            wake[0] = () -> {
                if (once.compareAndSet(false, true)) {
                    waits.done(wakeForStop);
                    callback.done(false);
                }
            };
            waits.waiting(wakeForStop);
            followerOf(exchange, watcher).awaitChange(scheduler, atMost, wake[0]);
        } catch (RejectedExecutionException stopping) {
            // the app is stopping: the loop's breakOnShutdown ends it, and the next start resumes the run
            if (wake[0] != null) {
                wake[0].run();
            } else {
                callback.done(false);
            }
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
