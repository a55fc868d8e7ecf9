package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ListConnectionsTest {
    private static AirbyteStandIn standIn;

    @BeforeAll
    static void start() {
        standIn = AirbyteStandIn.start(StandInScenarios.standard(), 0);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void listsEveryConnectionOfEveryWorkspaceAcrossPages(ApiFlavour flavour) {
        List<AirbyteConnection> connections =
                StandInClients.client(standIn, flavour).listConnections();

        assertThat(connections).hasSize(StandInScenarios.PRODUCTION_CONNECTIONS + 6);
        assertThat(connections).extracting(AirbyteConnection::connectionId).doesNotHaveDuplicates();
        assertThat(connections)
                .filteredOn(c -> c.name().equals("orders"))
                .extracting(AirbyteConnection::workspaceName)
                .containsExactlyInAnyOrder("Production", "Staging");
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void fillsStreamsNamespaceAndPrefix(ApiFlavour flavour) {
        AirbyteConnection orders = StandInClients.client(standIn, flavour).listConnections().stream()
                .filter(c -> c.name().equals("orders") && "Production".equals(c.workspaceName()))
                .findFirst()
                .orElseThrow();

        assertThat(orders.streams()).containsExactlyInAnyOrder("orders", "order_lines");
        assertThat(orders.namespace()).isEqualTo("sales");
        assertThat(orders.prefix()).isEqualTo("raw_");
        assertThat(orders.isActive()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ApiFlavour.class)
    void configuredWorkspaceRestrictsTheListing(ApiFlavour flavour) {
        AirbyteClient staging = AirbyteClients.create(
                StandInClients.settings(standIn, flavour).workspace("staging").build());

        assertThat(staging.listConnections())
                .extracting(AirbyteConnection::name)
                .containsExactly("orders");
    }
}
