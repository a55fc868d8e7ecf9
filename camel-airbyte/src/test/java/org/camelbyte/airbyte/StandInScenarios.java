package org.camelbyte.airbyte;

import org.camelbyte.standin.StandInScenario;

/** Scenarios the client tests run against: enough connections to need two pages, names that collide. */
final class StandInScenarios {
    static final int PRODUCTION_CONNECTIONS = 130;

    private StandInScenarios() {}

    /** Production: orders, customers, slow (never ends by itself), paused (inactive), conn-000..129; Staging: orders. */
    static StandInScenario standard(String authYaml) {
        StringBuilder yaml = new StringBuilder();
        yaml.append(authYaml == null ? "" : authYaml).append("""
                timeScale: 0.01
                workspaces:
                  - name: Production
                  - name: Staging
                connections:
                  - name: orders
                    workspace: Production
                    namespace: sales
                    prefix: raw_
                    streams: [orders, order_lines]
                    job:
                      - {status: pending, seconds: 1}
                      - {status: running, seconds: 5, rowsPerSecond: 100}
                      - {status: succeeded, seconds: 0}
                  - name: customers
                    workspace: Production
                  - name: slow
                    workspace: Production
                    job:
                      - {status: running, seconds: 1000000}
                      - {status: succeeded, seconds: 0}
                  - name: broken
                    workspace: Production
                    job:
                      - {status: running, seconds: 1}
                      - {status: failed, seconds: 0, failure: "Source said no"}
                  - name: paused
                    workspace: Production
                    status: inactive
                  - name: orders
                    workspace: Staging
                """);
        for (int i = 0; i < PRODUCTION_CONNECTIONS; i++) {
            yaml.append("  - name: conn-").append(String.format("%03d", i)).append("\n    workspace: Production\n");
        }
        return StandInScenario.fromYaml(yaml.toString());
    }

    /** Connection ids derive from workspace and name, so any copy of the scenario knows them. */
    static String productionId(String name) {
        return standard().connectionNamed("Production", name).id();
    }

    static StandInScenario standard() {
        return standard(null);
    }
}
