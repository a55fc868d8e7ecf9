package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Config API 1.6 knows only /workspaces/list; 1.7 only /workspaces/list_paginated. */
class WorkspaceListingTest {
    private AirbyteStandIn standIn;

    @AfterEach
    void stop() {
        standIn.close();
    }

    private List<String> workspaceCalls() {
        return standIn.calls().stream()
                .map(c -> c.path())
                .filter(p -> p.contains("/workspaces/"))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.6", "1.7"})
    void autoListingWorksOnBothVersionsAndRemembersWhatWorked(String version) {
        standIn = AirbyteStandIn.start(StandInScenarios.standard().withConfigApiVersion(version), 0);
        AirbyteClient client = StandInClients.client(standIn, ApiFlavour.CONFIG);

        assertThat(client.listConnections()).hasSize(StandInScenarios.PRODUCTION_CONNECTIONS + 6);
        assertThat(client.listConnections()).hasSize(StandInScenarios.PRODUCTION_CONNECTIONS + 6);

        if (version.equals("1.6")) {
            assertThat(workspaceCalls())
                    .containsExactly(
                            "/api/v1/workspaces/list_paginated", "/api/v1/workspaces/list", "/api/v1/workspaces/list");
        } else {
            assertThat(workspaceCalls())
                    .containsOnly("/api/v1/workspaces/list_paginated")
                    .hasSize(2);
        }
    }
}
