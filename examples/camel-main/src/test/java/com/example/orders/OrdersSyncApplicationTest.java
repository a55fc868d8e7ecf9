package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.camelbyte.standin.AirbyteStandInExtension;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The application as it runs: its application.properties and YAML route, against the Airbyte stand-in. */
class OrdersSyncApplicationTest {
    // the scenario the README runs StandInMain with, so the test and a run by hand see the same Airbyte
    @RegisterExtension
    static AirbyteStandInExtension airbyte =
            AirbyteStandInExtension.withScenario(StandInScenario.load(Path.of("standin-scenario.yaml")));

    @Test
    void syncsOrdersOnceAndTheRouteReachesTheJobsEnd() {
        Main main = new Main(OrdersSyncApplication.class);
        // only the URL differs from application.properties: the stand-in listens on a free port
        main.addOverrideProperty("camel.component.airbyte.base-url", airbyte.publicApiUrl());
        NotifyBuilder[] synced = new NotifyBuilder[1];
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                // before the context starts, so the timer's one exchange cannot pass unseen
                synced[0] = new NotifyBuilder(configured.getCamelContext())
                        .fromRoute("sync-orders")
                        .whenCompleted(1)
                        .whenAllDoneMatches(exchange -> "succeeded"
                                .equals(exchange.getMessage().getHeader("CamelAirbyteJobStatus")))
                        .create();
            }
        });
        try {
            main.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> synced[0].matches());
        } finally {
            main.stop();
        }
        assertThat(airbyte.standIn().jobsCreated()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ch.qos.logback.classic.Logger",
                "org.flywaydb.core.Flyway",
                "org.apache.activemq.artemis.core.server.ActiveMQServer",
                "org.postgresql.Driver"
            })
    void noneOfTheAppsStackIsOnTheClassPath(String className) {
        // the test class path is the runtime one plus test libraries: absent here is absent at run time (the
        // enforcer plugin in pom.xml refuses the jars themselves, by their coordinates)
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }
}
