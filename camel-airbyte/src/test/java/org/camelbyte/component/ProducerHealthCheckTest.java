package org.camelbyte.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The producers' readiness checks against a stand-in that stops answering: UP while Airbyte answers, DOWN
 * with one sentence once the watcher's listings or a call fail; never a liveness matter.
 */
class ProducerHealthCheckTest extends CamelTestSupport {
    private final AirbyteStandIn standIn = ComponentScenario.start();

    @AfterEach
    void stopStandIn() {
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
                from("direct:lookup").to("airbyte:lookup?connection=orders (PROD)");
                from("direct:job").to("airbyte:job");
                from("direct:wait")
                        .to("airbyte:sync?connection=slow (PROD)&waitForCompletion=true&pollInterval=100ms&timeout=5s");
            }
        };
    }

    @Test
    void aWaitingProducerIsDownWhileTheWatcherCannotListJobs() {
        assertThat(template.request("direct:lookup", e -> {}).getException()).isNull();
        assertThat(airbyteChecks())
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
        CompletableFuture<Exchange> waiting = template.asyncSend("direct:wait", e -> {});
        // the watcher starts once the job's start was answered
        await().atMost(Duration.ofSeconds(10)).until(this::watching);

        standIn.stopHttp();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(airbyteChecks()).allSatisfy(r -> down(r, "Airbyte's job listing failed")));
        assertThat(airbyteChecks())
                .allSatisfy(r -> assertThat(r.getCheck().isLiveness()).isFalse());
        await().atMost(Duration.ofSeconds(15)).until(waiting::isDone);
    }

    @Test
    void aProducerIsDownWhenItsLastCallFoundNoAirbyte() {
        assertThat(template.request("direct:lookup", e -> {}).getException()).isNull();
        standIn.stopHttp();

        Exchange failed = template.request("direct:job", e -> e.getMessage().setHeader(AirbyteConstants.JOB_ID, 1L));

        assertThat(failed.getException()).isNotNull();
        assertThat(airbyteChecks()).hasSize(3).allSatisfy(r -> down(r, "the last call failed"));
    }

    private void down(HealthCheck.Result result, String why) {
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage())
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("Airbyte at " + standIn.publicApiUrl() + " is unreachable: " + why)
                        .endsWith("."));
    }

    private List<HealthCheck.Result> airbyteChecks() {
        // Camel leaves producer checks off until asked (camel.health.producers-enabled = true in Camel Main)
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        // every check's result, not only a summary of them (Camel's default exposure level)
        HealthCheckRegistry.get(context).setExposureLevel("full");
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:airbyte-"))
                .toList();
    }

    /** This context's job watcher has its looking thread. */
    private boolean watching() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("Camel (" + context.getName() + ")")
                        && t.getName().endsWith(" - airbyte-watcher"));
    }
}
