package org.camelbyte.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * The wait between two looks at a job, on the app's real run scheduler, with thousands of runs waiting: at
 * N = 2,000 the scheduler's queue (bounded at 1,000 by Camel's default profile) rejected the wake-up of a
 * run whose job had changed, after its timer was already cancelled, so the run never looked again.
 */
class WaitStepTest {

    @Test
    void aRunWokenByItsJobsChangeResumesWhileThousandsOfRunsWait() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ScheduledExecutorService scheduler = StepsWiring.scheduler(context, 2);
            // 3,000 other runs waiting out their poll interval
            for (int i = 0; i < 3000; i++) {
                scheduler.schedule(() -> {}, 1, TimeUnit.HOURS);
            }
            // the watcher is not consulted: the poll step handed over the job's next-change future
            WaitStep wait = new WaitStep(null, scheduler);
            CompletableFuture<Void> jobChanged = new CompletableFuture<>();
            Exchange exchange = new DefaultExchange(context);
            exchange.setProperty(
                    RunProperties.POLL_DELAY_MS, Duration.ofHours(1).toMillis());
            exchange.setProperty(WaitStep.NEXT_CHANGE, jobChanged);
            AtomicBoolean resumed = new AtomicBoolean();

            boolean sync = wait.process(exchange, doneSync -> resumed.set(true));
            assertThat(sync).as("waits without holding the thread").isFalse();
            assertThat(resumed).isFalse();

            jobChanged.complete(null);

            await().atMost(Duration.ofSeconds(5)).untilTrue(resumed);
        }
    }

    @Test
    void waitsOnAJobThatDoesNotChangeHookItOnceAndTheChangeStillWakesTheLastWait() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ScheduledExecutorService scheduler = StepsWiring.scheduler(context, 2);
            WaitStep wait = new WaitStep(null, scheduler);
            CompletableFuture<Void> jobChanged = new CompletableFuture<>();
            Exchange exchange = new DefaultExchange(context);
            exchange.setProperty(RunProperties.POLL_DELAY_MS, 1L);
            // a long sync with nothing new: 100 polls, each wait ending by its timer, all on the same future
            for (int i = 0; i < 100; i++) {
                AtomicBoolean resumed = new AtomicBoolean();
                exchange.setProperty(WaitStep.NEXT_CHANGE, jobChanged);
                wait.process(exchange, doneSync -> resumed.set(true));
                await().pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(1))
                        .atMost(Duration.ofSeconds(5))
                        .untilTrue(resumed);
            }
            assertThat(jobChanged.getNumberOfDependents())
                    .as("hooks left on the job's future")
                    .isEqualTo(1);

            exchange.setProperty(
                    RunProperties.POLL_DELAY_MS, Duration.ofHours(1).toMillis());
            exchange.setProperty(WaitStep.NEXT_CHANGE, jobChanged);
            AtomicBoolean last = new AtomicBoolean();
            wait.process(exchange, doneSync -> last.set(true));
            jobChanged.complete(null);

            await().atMost(Duration.ofSeconds(5)).untilTrue(last);
        }
    }
}
