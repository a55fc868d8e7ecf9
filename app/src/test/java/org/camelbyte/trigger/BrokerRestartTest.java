package org.camelbyte.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.camelbyte.app.TestApp;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/** A request still on the queue when the app and its embedded broker stop is run after they start again. */
class BrokerRestartTest {

    @Test
    void aRequestNotYetConsumedSurvivesABrokerRestart() throws Exception {
        try (AirbyteStandIn standIn =
                AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0)) {
            TestApp first = TestApp.with(standIn, QueueTriggerTest.PIPELINES).start();
            first.context().getRouteController().stopRoute("queue-trigger");
            try (Broker broker = new Broker(first.brokerUrl())) {
                broker.send("airbyte.sync.requests", "{\"requestId\":\"restart-1\",\"pipeline\":\"orders\"}");
            }
            assertThat(first.runStore().findByRequestId("restart-1")).isEmpty();
            first.close();

            try (TestApp second = TestApp.with(standIn, QueueTriggerTest.PIPELINES)
                    .sameStateAs(first)
                    .start()) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> second.runStore()
                                .findByRequestId("restart-1")
                                .map(Run::getStatus)
                                .filter(status -> status == RunStatus.SUCCEEDED)
                                .isPresent());
            }
        }
    }
}
