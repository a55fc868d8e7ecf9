package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.camelbyte.standin.AirbyteStandInExtension;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application as it runs: its application.properties and YAML route, against the Airbyte stand-in. */
@SpringBootTest(properties = "camel.main.run-controller = false") // the test's JVM needs no keeping alive
class OrdersSyncApplicationTest {
    // the scenario the README runs StandInMain with, so the test and a run by hand see the same Airbyte
    @RegisterExtension
    static AirbyteStandInExtension airbyte =
            AirbyteStandInExtension.withScenario(StandInScenario.load(Path.of("standin-scenario.yaml")));

    @DynamicPropertySource
    static void pointAtTheStandIn(DynamicPropertyRegistry registry) {
        // only the URL differs from application.properties: the stand-in listens on a free port
        registry.add("camel.component.airbyte.base-url", airbyte::publicApiUrl);
    }

    @TestConfiguration
    static class WatchTheRoute {
        final NotifyBuilder[] synced = new NotifyBuilder[1];

        @Bean
        CamelContextConfiguration notifyWhenSynced() {
            return new CamelContextConfiguration() {
                @Override
                public void beforeApplicationStart(CamelContext context) {
                    // before the routes start, so the timer's one exchange cannot pass unseen
                    synced[0] = new NotifyBuilder(context)
                            .fromRoute("sync-orders")
                            .whenCompleted(1)
                            .whenAllDoneMatches(exchange -> "succeeded"
                                    .equals(exchange.getMessage().getHeader("CamelAirbyteJobStatus")))
                            .create();
                }

                @Override
                public void afterApplicationStart(CamelContext context) {}
            };
        }
    }

    @Autowired
    WatchTheRoute watch;

    @Test
    void syncsOrdersOnceAndTheRouteReachesTheJobsEnd() {
        await().atMost(Duration.ofSeconds(60)).until(() -> watch.synced[0].matches());

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
