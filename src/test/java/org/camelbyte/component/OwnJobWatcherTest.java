package org.camelbyte.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A component without the app follows waiting syncs through a job watcher of its own: started when an
 * exchange first waits, closed with the component, and no per-job status call while exchanges wait.
 */
class OwnJobWatcherTest {
    private static final String GET_JOB = "GET /api/public/v1/jobs/{id}";
    static AirbyteStandIn standIn;

    @BeforeAll
    static void startStandIn() {
        standIn = ComponentScenario.start();
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @Test
    void theWatcherStartsWithTheFirstWaitAndStopsWithTheComponent() throws Exception {
        int before = watcherThreads();
        CamelContext context = new DefaultCamelContext();
        try {
            context.getComponent("airbyte", AirbyteComponent.class)
                    .getConfiguration()
                    .setBaseUrl(standIn.publicApiUrl());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sync-wait")
                            .to("airbyte:sync?connection=orders (PROD)&waitForCompletion=true&pollInterval=100ms");
                }
            });
            context.start();
            assertThat(watcherThreads()).as("watcher threads before any wait").isEqualTo(before);
            long singleReadsBefore = standIn.callCounts().getOrDefault(GET_JOB, 0L);

            Exchange out = context.createProducerTemplate().request("direct:sync-wait", e -> {});

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(AirbyteConstants.JOB_STATUS)).isEqualTo("succeeded");
            assertThat(watcherThreads()).as("watcher threads after a wait").isEqualTo(before + 1);
            assertThat(standIn.callCounts().getOrDefault(GET_JOB, 0L) - singleReadsBefore)
                    .as("job reads of its own while the exchange waited (the watcher lists jobs in batches)")
                    .isZero();
        } finally {
            context.stop();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> watcherThreads() == before);
    }

    /** The watcher's batched looks run on a thread of this name (its single reads on another). */
    private static int watcherThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("airbyte-watcher"))
                .count();
    }
}
