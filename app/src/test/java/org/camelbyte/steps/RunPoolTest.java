package org.camelbyte.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The pools of a run's blocking work (starts, the steps after a job's end, post-sync): a run beyond their threads
 * waits its turn there, and never runs on the thread that handed it over (a run-queue consumer, the run
 * scheduler that wakes every waiting run), whatever it is blocked on.
 */
class RunPoolTest {
    @Test
    void workBeyondThePoolsThreadsWaitsForOneInsteadOfRunningOnTheCallersThread() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ThreadPoolExecutor pool = StepsWiring.pool(context, "runStepPool", 1);
            CountDownLatch slowStepGoesOn = new CountDownLatch(1);
            pool.execute(() -> {
                try {
                    slowStepGoesOn.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicReference<String> ranOn = new AtomicReference<>();
            CountDownLatch ran = new CountDownLatch(1);

            pool.execute(() -> {
                ranOn.set(Thread.currentThread().getName());
                ran.countDown();
            });

            assertThat(ranOn.get()).as("run at once on the caller's thread").isNull();
            assertThat(pool.getQueue()).as("waiting for the pool's thread").hasSize(1);
            slowStepGoesOn.countDown();
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ranOn.get()).contains("runStepPool");
        }
    }
}
