package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LookupOverHttpTest {
    private AirbyteStandIn standIn;

    @BeforeEach
    void start() {
        standIn = AirbyteStandIn.start(StandInScenarios.standard(), 0);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private long connectionListings() {
        return standIn.calls().stream()
                .filter(c -> c.path().contains("/connections"))
                .map(c -> c.path())
                .count();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void namesResolveAndMistakesAreExplained(ApiFlavour flavour) {
        ConnectionLookup lookup = new ConnectionLookup(StandInClients.client(standIn, flavour), Duration.ofMinutes(5));

        assertThat(lookup.resolve("customers").workspaceName()).isEqualTo("Production");
        assertThatThrownBy(() -> lookup.resolve("custmers"))
                .isInstanceOf(ConnectionLookupException.class)
                .hasMessageContaining("'customers'");
        assertThatThrownBy(() -> lookup.resolve("orders"))
                .isInstanceOf(ConnectionLookupException.class)
                .hasMessageContaining("Production")
                .hasMessageContaining("Staging");
        assertThatThrownBy(() -> lookup.resolve("paused"))
                .isInstanceOf(ConnectionLookupException.class)
                .hasMessageContaining("enable it");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void workspaceSettingSettlesAnAmbiguousName(ApiFlavour flavour) {
        AirbyteClient staging = AirbyteClients.create(
                StandInClients.settings(standIn, flavour).workspace("Staging").build());

        assertThat(new ConnectionLookup(staging, Duration.ofMinutes(5))
                        .resolve("orders")
                        .workspaceName())
                .isEqualTo("Staging");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void cacheIsReadAgainOnlyAfterItsTtlOrOnALateMiss(ApiFlavour flavour) {
        MutableClock clock = new MutableClock();
        ConnectionLookup lookup =
                new ConnectionLookup(StandInClients.client(standIn, flavour), Duration.ofMinutes(5), clock);

        lookup.resolve("customers");
        long afterFirst = connectionListings();
        lookup.resolve("customers");
        assertThat(connectionListings()).isEqualTo(afterFirst);

        clock.advance(Duration.ofMinutes(6));
        lookup.resolve("customers");
        long afterTtl = connectionListings();
        assertThat(afterTtl).isGreaterThan(afterFirst);

        assertThatThrownBy(() -> lookup.resolve("nowhere")).isInstanceOf(ConnectionLookupException.class);
        assertThat(connectionListings())
                .as("a miss right after a listing waits for airbyte.lookup-miss-refresh")
                .isEqualTo(afterTtl);
        clock.advance(ConnectionLookup.DEFAULT_MISS_REFRESH);
        assertThatThrownBy(() -> lookup.resolve("nowhere")).isInstanceOf(ConnectionLookupException.class);
        assertThat(connectionListings()).isGreaterThan(afterTtl);
    }
}
