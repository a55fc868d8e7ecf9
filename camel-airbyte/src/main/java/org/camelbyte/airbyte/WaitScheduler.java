package org.camelbyte.airbyte;

import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.SizedScheduledExecutorService;

/**
 * The scheduler waits for jobs run on ({@link JobFollower#awaitChange}): a Camel scheduled pool, so its threads
 * are named, counted and shut down as Camel's own, with an unbounded queue, since every waiting exchange or run
 * holds one timer there. Camel's default profile bounds the queue at 1,000 and then rejects, which lost the
 * wake-ups of the waits beyond the thousandth.
 */
public final class WaitScheduler {
    private WaitScheduler() {}

    /**
     * Shut it down through {@code context}'s ExecutorServiceManager. Timers pending at shutdown still fire (the
     * waits they resume find the scheduler stopping and end their exchange with that); a host that resumes its
     * waits at the next start instead may drop them ({@code setExecuteExistingDelayedTasksAfterShutdownPolicy}).
     */
    public static ScheduledExecutorService create(CamelContext context, Object source, String name, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfileBuilder(name)
                .poolSize(threads)
                .maxPoolSize(threads)
                .maxQueueSize(-1)
                .build();
        ScheduledExecutorService scheduler =
                context.getExecutorServiceManager().newScheduledThreadPool(source, name, profile);
        if (scheduler instanceof SizedScheduledExecutorService sized) {
            // a wait woken early cancels its timer: gone from the queue at once, not at the interval's end
            sized.getScheduledThreadPoolExecutor().setRemoveOnCancelPolicy(true);
        }
        return scheduler;
    }
}
