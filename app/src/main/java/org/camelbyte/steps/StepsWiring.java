package org.camelbyte.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.SizedScheduledExecutorService;
import org.camelbyte.airbyte.WaitScheduler;
import org.camelbyte.airbyteconfig.AirbyteWiring.Airbyte;
import org.camelbyte.config.Beans;
import org.camelbyte.config.Settings;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.RunEnds;
import org.camelbyte.run.StateWiring.State;

/**
 * Wires the run queue and the run steps behind {@code direct:run-*}, the run's error handling ({@code
 * runs.retry.*}), the one scheduler for poll delays and retries ({@code runs.scheduler-threads}), the pools for
 * work after a job's end ({@code runs.step-threads}, {@code runs.post-sync-threads}), and what a stop does to runs.
 */
public final class StepsWiring {
    private StepsWiring() {}

    /** Answers what the app applies at stop ({@code runs.on-stop}). */
    public static RunsAtStop wire(
            BaseMainSupport main,
            Settings settings,
            PipelineCatalog catalog,
            Airbyte airbyte,
            State state,
            Map<String, DataSource> dataSources,
            ObjectMapper json,
            Clock clock) {
        CamelContext context = main.getCamelContext();
        // the template's circuitBreaker and async delays refer to these two by name
        context.getRegistry().bind(Beans.AIRBYTE_CIRCUIT_BREAKER, airbyte.breaker());
        context.getRegistry().bind(Beans.RUN_SCHEDULER, scheduler(context, settings.getInt("runs.scheduler-threads")));
        main.configure()
                .addRoutesBuilder(new RunErrorHandling(
                        settings.getInt("runs.retry.max-attempts"),
                        settings.getDuration("runs.retry.first-delay"),
                        settings.getDuration("runs.retry.max-delay"),
                        state.store(),
                        clock));
        FollowWaits waits = new FollowWaits();
        RunEnding ending = new RunEnding(new RunEnds(airbyte.client(), airbyte.breaker(), state.store(), clock));
        context.getRegistry()
                .bind(
                        RunStepRoutes.STEP_POOL,
                        pool(context, RunStepRoutes.STEP_POOL, settings.getInt("runs.step-threads")));
        context.getRegistry()
                .bind(
                        RunStepRoutes.START_POOL,
                        pool(
                                context,
                                RunStepRoutes.START_POOL,
                                settings.getInt("runs.concurrent-starts") * RunStepRoutes.START_THREADS_PER_CALL));
        ThreadPoolExecutor postSyncWorkers =
                pool(context, RunStepRoutes.POST_SYNC_POOL, settings.getInt("runs.post-sync-threads"));
        context.getRegistry().bind(RunStepRoutes.POST_SYNC_POOL, postSyncWorkers);
        main.configure()
                .addRoutesBuilder(new RunStepRoutes(
                        airbyte.client(),
                        airbyte.lookup(),
                        airbyte.breaker(),
                        airbyte.watcher(),
                        state.store(),
                        ending,
                        clock,
                        settings.getDuration("runs.progress-every"),
                        new StartSettings(
                                maxStartsPerSecond(settings),
                                settings.getInt("runs.concurrent-starts"),
                                settings.getDuration("airbyte.request-timeout"),
                                settings.getDuration("runs.unanswered-start-wait")),
                        catalog,
                        dataSources,
                        json,
                        postSyncWorkers,
                        waits));
        return new RunsAtStop(
                RunsAtStop.Policy.parse(settings.require("runs.on-stop")),
                ending.ends(),
                state.store(),
                state.leases(),
                waits);
    }

    /** {@code runs.max-starts-per-second}: empty for no limit (0), else a whole number of at least 1. */
    private static int maxStartsPerSecond(Settings settings) {
        int max = settings.getInt("runs.max-starts-per-second", 0);
        if (max < 1 && settings.get("runs.max-starts-per-second").isPresent()) {
            throw new IllegalStateException("Config key " + settings.describe("runs.max-starts-per-second") + " is "
                    + max + ": set a whole number of at least 1, or leave it empty for no limit but"
                    + " runs.concurrent-starts.");
        }
        return max;
    }

    /**
     * A bounded pool for a run's blocking work: starting jobs (four threads per {@code
     * runs.concurrent-starts}), the steps after a job's end ({@code runs.step-threads}, {@code
     * runs.post-sync-threads}). A fixed number of threads and an unbounded queue, so runs wait their turn
     * instead of being refused, and a slow Airbyte, stalled warehouse or slow team step holds only its own
     * pool's threads, never the scheduler that wakes running jobs' runs.
     */
    static ThreadPoolExecutor pool(CamelContext context, String name, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfileBuilder(name)
                .poolSize(threads)
                .maxPoolSize(threads)
                // not -1: Camel makes that a queue of none whose full pool runs the work on the caller's thread, so
                // a run-queue consumer ran starts and the run scheduler ran team steps whenever a pool was busy
                .maxQueueSize(Integer.MAX_VALUE)
                .build();
        ThreadPoolExecutor pool = (ThreadPoolExecutor)
                context.getExecutorServiceManager().newThreadPool(StepsWiring.class, name, profile);
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(Beans.METRICS_REGISTRY, MeterRegistry.class);
        if (registry != null) {
            Gauge.builder("camelbyte.run.pool.queued", pool, p -> p.getQueue().size())
                    .description(
                            "Runs waiting for a thread of a pool for a run's blocking work (starts, steps, post-sync), by pool")
                    .tag("pool", name)
                    .register(registry);
        }
        return pool;
    }

    /**
     * The shared scheduler for poll delays and retries. A stop drops the waits still pending instead of
     * sitting them out: each waiting run's record already holds its last step, and the next start resumes it.
     */
    static ScheduledExecutorService scheduler(CamelContext context, int threads) {
        ScheduledExecutorService scheduler =
                WaitScheduler.create(context, StepsWiring.class, Beans.RUN_SCHEDULER, threads);
        if (scheduler instanceof SizedScheduledExecutorService sized) {
            sized.getScheduledThreadPoolExecutor().setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        return scheduler;
    }
}
