package org.camelbyte.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.SizedScheduledExecutorService;
import org.camelbyte.airbyte.AirbyteWiring.Airbyte;
import org.camelbyte.config.Beans;
import org.camelbyte.config.Settings;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.StateWiring.State;

/**
 * Wires the run steps behind {@code direct:run-*}, the run's error handling ({@code runs.retry.*}), the one
 * scheduler for poll delays and retries ({@code runs.scheduler-threads}), and what a stop does to runs.
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
        RunEnding ending = new RunEnding(airbyte.client(), airbyte.breaker(), state.store(), clock);
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
                        settings.getInt("runs.max-starts-per-second"),
                        catalog,
                        dataSources,
                        json));
        return new RunsAtStop(
                RunsAtStop.Policy.parse(settings.require("runs.on-stop")), ending, state.store(), state.leases());
    }

    /**
     * The shared scheduler for poll delays and retries. A stop drops the waits still pending instead of
     * sitting them out: each waiting run's record already holds its last step, and the next start resumes it.
     */
    static ScheduledExecutorService scheduler(CamelContext context, int threads) {
        // every waiting run holds one timer here, so the queue must take thousands: Camel's default profile
        // bounds it at 1,000 and then rejects, which lost the wake-ups of runs beyond the thousandth
        ThreadPoolProfile profile = new ThreadPoolProfileBuilder(Beans.RUN_SCHEDULER)
                .poolSize(threads)
                .maxPoolSize(threads)
                .maxQueueSize(-1)
                .build();
        ScheduledExecutorService scheduler = context.getExecutorServiceManager()
                .newScheduledThreadPool(StepsWiring.class, Beans.RUN_SCHEDULER, profile);
        if (scheduler instanceof SizedScheduledExecutorService sized) {
            sized.getScheduledThreadPoolExecutor().setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            // a run woken early cancels its timer: gone from the queue at once, not at the poll interval's end
            sized.getScheduledThreadPoolExecutor().setRemoveOnCancelPolicy(true);
        }
        return scheduler;
    }
}
