package org.camelbyte.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import javax.sql.DataSource;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.config.Beans;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.RunStore;

/**
 * The reusable steps of a run, each behind a {@code direct:} endpoint that the YAML template calls, and the
 * run queue that starts every run's route. The steps carry no error handler of their own: a failure goes back
 * to the calling route, whose route configuration decides between retrying and failing the run.
 */
public class RunStepRoutes extends RouteBuilder {
    /** Where the template's steps after the job's end run: never on the run scheduler, which follows every job. */
    static final String STEP_POOL = "runStepPool";
    /** Where jobs are started; the start rate limit waits here too. */
    static final String START_POOL = "runStartPool";
    /**
     * The start pool's threads per Airbyte call of a start in flight ({@link StartCalls}): while some starts
     * POST, others commit their record before or after theirs.
     */
    static final int START_THREADS_PER_CALL = 4;
    /** Where post-sync statistics and checks run: a slow warehouse holds only these threads. */
    static final String POST_SYNC_POOL = "postSyncPool";

    private final AirbyteClient airbyte;
    private final ConnectionLookup lookup;
    private final CircuitBreaker breaker;
    private final JobWatcher watcher;
    private final RunStore store;
    private final Clock clock;
    private final Duration progressEvery;
    private final PostSyncStep postSync;
    private final PipelineCatalog catalog;
    private final RunEnding ending;
    private final StartSettings starts;
    private final FollowWaits waits;

    public RunStepRoutes(
            AirbyteClient airbyte,
            ConnectionLookup lookup,
            CircuitBreaker breaker,
            JobWatcher watcher,
            RunStore store,
            RunEnding ending,
            Clock clock,
            Duration progressEvery,
            StartSettings starts,
            PipelineCatalog catalog,
            Map<String, DataSource> dataSources,
            ObjectMapper json,
            ThreadPoolExecutor postSyncWorkers,
            FollowWaits waits) {
        this.waits = waits;
        this.airbyte = airbyte;
        this.lookup = lookup;
        this.breaker = breaker;
        this.watcher = watcher;
        this.store = store;
        this.clock = clock;
        this.progressEvery = progressEvery;
        this.starts = starts;
        this.ending = ending;
        this.postSync = new PostSyncStep(catalog, dataSources, lookup, store, ending, json, postSyncWorkers);
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        OutcomeHandOff outcomes = new OutcomeHandOff(getContext().createProducerTemplate());
        Processor finish = new OutcomeStep(
                ending,
                store,
                outcomes,
                getContext().getRegistry().lookupByNameAndType(STEP_POOL, ExecutorService.class));
        // every accepted run is handed off here, so no trigger waits for a sync; a few consumers start jobs, and a
        // run waiting for its job holds no thread, so these few serve thousands of runs
        from("seda:runs?concurrentConsumers=" + starts.concurrent())
                .routeId("run-queue")
                // a team's route without the run's route configuration still fails the run with the step's message
                // (doTry: an exception its own error handler gave up on is not handed to this route's)
                .doTry()
                .process(new RunHandOver(catalog))
                // the route's name from a plain property: a Simple path into the run (variable.run.pipeline) took
                // bean introspection on every run, a fortieth of a burst's start CPU
                .toD("direct:pipeline-${exchangeProperty." + RunProperties.PIPELINE + "}")
                .doCatch(Exception.class)
                .to("direct:run-failed")
                .end()
                // a template without direct:run-finish still gives every run its outcome (the step is idempotent)
                .process(finish);

        Processor lookupStep = new LookupStep(lookup);
        from("direct:run-lookup")
                .routeId("run-lookup")
                .errorHandler(noErrorHandler())
                .process(lookupStep);
        // starts are limited by what Airbyte should take: runs.concurrent-starts calls in flight (StartCalls), and
        // runs.max-starts-per-second when set. They run on their own pool, where the throttle waits too: waiting on
        // the run scheduler, a burst of runs held its every thread and starved the wake-ups of running jobs
        ProcessorDefinition<?> starting = from("direct:run-trigger")
                .routeId("run-trigger")
                .errorHandler(noErrorHandler())
                // a template without direct:run-lookup still resolves the connection first
                .process(lookupStep)
                .threads()
                .executorService(START_POOL);
        if (starts.maxPerSecond() > 0) {
            starting =
                    starting.throttle(starts.maxPerSecond()).totalRequestsMode().timePeriodMillis(1000);
        }
        starting.process(
                new TriggerStep(airbyte, new StartCalls(starts.concurrent(), breaker), store, clock, watcher, starts));

        ScheduledExecutorService scheduler =
                getContext().getRegistry().lookupByNameAndType(Beans.RUN_SCHEDULER, ScheduledExecutorService.class);
        // follow the job to its end, one step for the template: wait without holding a thread until the job watcher
        // sees the job change or something falls due (deadline, watchdog, progress line), read the job's latest
        // snapshot (the watcher follows
        // every job with batched calls through the shared breaker), then the cancels, deadline and watchdogs
        from("direct:run-follow")
                .routeId("run-follow")
                .errorHandler(noErrorHandler())
                .loopDoWhile(exchangeProperty(RunProperties.JOB_DONE).isNotEqualTo(true))
                .breakOnShutdown()
                .process(new WaitStep(watcher, scheduler, clock, progressEvery, waits))
                .process(new PollStep(watcher, store, clock, progressEvery, new PollFailedStep(ending)))
                .process(new CancelRequestedStep(store, ending))
                .process(new DeadlineStep(ending, clock, watcher, store))
                .process(new WatchdogStep(catalog, ending, clock))
                .end()
                // the app is stopping mid-job: the run stays as it is, and the next start resumes the same job
                .filter(exchangeProperty(RunProperties.JOB_DONE).isNotEqualTo(true))
                .stop()
                .end()
                // what follows in the template runs off the run scheduler
                .threads()
                .executorService(STEP_POOL);

        from("direct:run-post-sync")
                .routeId("run-post-sync")
                .errorHandler(noErrorHandler())
                .filter(postSync::due)
                .process(postSync::queued)
                .threads()
                .executorService(POST_SYNC_POOL)
                .process(postSync)
                // back to the step pool: the template's next steps do not hold a post-sync worker
                .threads()
                .executorService(STEP_POOL);
        step("run-finish", finish);
        step("run-failed", new RunFailedStep(ending, outcomes));
    }

    private void step(String name, Processor processor) {
        from("direct:" + name).routeId(name).errorHandler(noErrorHandler()).process(processor);
    }
}
