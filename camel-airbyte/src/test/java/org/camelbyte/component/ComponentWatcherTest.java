package org.camelbyte.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * A component without the app follows waiting syncs through a job watcher of its own: started when an
 * exchange first waits, on threads of the Camel context's ExecutorServiceManager, closed with the component,
 * and no per-job status call while exchanges wait.
 */
class ComponentWatcherTest extends StandInCamelTest {
    private static final String GET_JOB = "GET /api/public/v1/jobs/{id}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sync-wait")
                        .to("airbyte:sync?connection=orders (PROD)&waitForCompletion=true&pollInterval=100ms");
            }
        };
    }

    @Test
    void theWatcherStartsWithTheFirstWaitAndStopsWithTheComponent() {
        // the context runs, no exchange has waited yet: no watcher of this component
        int before = watcherThreads();
        long singleReadsBefore = standIn.callCounts().getOrDefault(GET_JOB, 0L);

        Exchange out = template.request("direct:sync-wait", e -> {});

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AirbyteConstants.JOB_STATUS)).isEqualTo("succeeded");
        assertThat(watcherThreads()).as("watcher threads after a wait").isEqualTo(before + 1);
        assertThat(standIn.callCounts().getOrDefault(GET_JOB, 0L) - singleReadsBefore)
                .as("job reads of its own while the exchange waited (the watcher lists jobs in batches)")
                .isZero();

        context.stop();

        await().atMost(Duration.ofSeconds(10)).until(() -> watcherThreads() == before);
    }

    /** The watcher's batched looks run on a Camel thread of this name (its single reads on another). */
    private static int watcherThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive()
                        && t.getName().startsWith("Camel (")
                        && t.getName().endsWith(" - airbyte-watcher"))
                .count();
    }
}
