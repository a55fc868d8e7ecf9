package org.camelbyte.steps;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.camelbyte.airbyte.AirbyteRejectedException;
import org.camelbyte.airbyte.ChangeWaker;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.run.Run;

/**
 * The wait between two looks at a job: the poll interval, or less when the job watcher sees the job change
 * (a webhook or a batched look), so a run notices its job's end at once. Holds no thread while it waits:
 * the timer and the wake-up both run on the shared run scheduler, whose pending waits a stop drops.
 */
class WaitStep extends AsyncProcessorSupport {
    /** The watcher's future for the job's next change, taken by the poll step before it read the snapshot. */
    static final String NEXT_CHANGE = "jobNextChange";
    /** The run's {@link ChangeWaker}, kept on the exchange from one wait to the next. */
    static final String WAKER = "jobChangeWaker";

    private final JobWatcher watcher;
    private final ScheduledExecutorService scheduler;

    WaitStep(JobWatcher watcher, ScheduledExecutorService scheduler) {
        this.watcher = watcher;
        this.scheduler = scheduler;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        long delayMs = exchange.getProperty(RunProperties.POLL_DELAY_MS, Long.class);
        CompletableFuture<?> change = exchange.getProperty(NEXT_CHANGE, CompletableFuture.class);
        exchange.removeProperty(NEXT_CHANGE);
        if (change == null) {
            Run run = RunVariable.of(exchange);
            change = run.getJobId() == null ? new CompletableFuture<>() : watchFirst(run);
        }
        AtomicBoolean once = new AtomicBoolean();
        Runnable resume = () -> {
            if (once.compareAndSet(false, true)) {
                callback.done(false);
            }
        };
        try {
            ScheduledFuture<?> timer = scheduler.schedule(resume, delayMs, TimeUnit.MILLISECONDS);
            wakerOf(exchange).wakeOn(change, () -> {
                if (!once.get()) {
                    try {
                        scheduler.execute(resume);
                        // only once the wake-up is queued: a rejected one leaves the timer to resume the run
                        timer.cancel(false);
                    } catch (RejectedExecutionException stopping) {
                        // the app is stopping (the queue is unbounded): the timer, if it still runs, resumes the
                        // run; else the run's record holds its last step and the next start resumes it
                    }
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the app is stopping: the loop's breakOnShutdown ends it, and the next start resumes the run
            resume.run();
        }
        return false;
    }

    private static ChangeWaker wakerOf(Exchange exchange) {
        ChangeWaker waker = exchange.getProperty(WAKER, ChangeWaker.class);
        if (waker == null) {
            waker = new ChangeWaker();
            exchange.setProperty(WAKER, waker);
        }
        return waker;
    }

    /** The first wait of a run: none at all when the watcher already holds news of the job. */
    private CompletableFuture<Void> watchFirst(Run run) {
        watcher.watch(run.getJobId(), run.getConnectionId());
        CompletableFuture<Void> change = watcher.nextChange(run.getJobId());
        try {
            return watcher.latest(run.getJobId()).isPresent() ? CompletableFuture.completedFuture(null) : change;
        } catch (AirbyteRejectedException refused) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
