package org.camelbyte.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 500 exchanges waiting for their syncs at once: they wait as scheduled reads, not as 500 parked threads.
 * About 40 s on 2 shared cores (1,500 calls to the stand-in), so it runs in the {@code load} profile.
 */
@Tag("load")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitHoldsNoThreadTest extends CamelTestSupport {
    static final int EXCHANGES = 500;
    static AirbyteStandIn standIn;

    @BeforeAll
    static void startStandIn() {
        // a connection per exchange: each waits for a job of its own
        StringBuilder yaml = new StringBuilder("timeScale: 0.02\nworkspaces:\n  - name: Production\nconnections:\n");
        for (int i = 0; i < EXCHANGES; i++) {
            yaml.append("  - name: c")
                    .append(i)
                    .append("\n    workspace: Production\n    job:\n")
                    .append(
                            "      - {status: running, seconds: 300, rowsPerSecond: 10}\n      - {status: succeeded}\n");
        }
        standIn = AirbyteStandIn.start(StandInScenario.fromYaml(yaml.toString()), 0);
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ComponentScenario.pointAt(context, standIn);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sync").to("airbyte:sync?waitForCompletion=true&pollInterval=2s");
            }
        };
    }

    @Test
    void fiveHundredWaitingExchangesHoldNoThreadEach() {
        int before = liveThreads();
        List<CompletableFuture<Exchange>> done = new ArrayList<>();
        for (int i = 0; i < EXCHANGES; i++) {
            String connection = "c" + i;
            done.add(template.asyncSend(
                    "direct:sync", e -> e.getMessage().setHeader(AirbyteConstants.CONNECTION_ID, connection)));
        }
        AtomicInteger peak = new AtomicInteger();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    peak.accumulateAndGet(liveThreads(), Math::max);
                    return done.stream().allMatch(CompletableFuture::isDone);
                });

        assertThat(done)
                .allSatisfy(f -> assertThat(f.join().getMessage().getHeader(AirbyteConstants.JOB_STATUS))
                        .isEqualTo("succeeded"));
        // a thread per waiting exchange would add 500; the scheduler, the HTTP pool and the stand-in add a few dozen
        assertThat(peak.get() - before)
                .as("threads added while %d exchanges waited", EXCHANGES)
                .isLessThan(100);
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
