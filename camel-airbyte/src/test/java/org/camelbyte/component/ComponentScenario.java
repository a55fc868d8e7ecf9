package org.camelbyte.component;

import org.apache.camel.CamelContext;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;

/** The stand-in the component tests talk to: a sync that succeeds, one that fails, one that never ends. */
final class ComponentScenario {
    private ComponentScenario() {}

    /** Points the context's airbyte: component (resolved from META-INF/services) at {@code standIn}. */
    static AirbyteConfiguration pointAt(CamelContext context, AirbyteStandIn standIn) {
        AirbyteConfiguration configuration =
                context.getComponent("airbyte", AirbyteComponent.class).getConfiguration();
        configuration.setBaseUrl(standIn.publicApiUrl());
        return configuration;
    }

    static AirbyteStandIn start() {
        return AirbyteStandIn.start(StandInScenario.fromYaml("""
                timeScale: 0.02
                workspaces:
                  - name: Production
                  - name: Staging
                connections:
                  - name: orders (PROD)
                    workspace: Production
                    job:
                      - {status: pending, seconds: 1}
                      - {status: running, seconds: 10, rowsPerSecond: 100, bytesPerRow: 50}
                      - {status: succeeded}
                  - name: billing (PROD)
                    workspace: Production
                    job:
                      - {status: running, seconds: 5, rowsPerSecond: 10}
                      - {status: failed, failure: "Destination quota exceeded"}
                  - name: slow (PROD)
                    workspace: Production
                    job:
                      - {status: running, seconds: 1000000}
                      - {status: succeeded}
                  - name: paused (PROD)
                    workspace: Production
                    status: inactive
                  - name: orders (STAGING)
                    workspace: Staging
                """), 0);
    }
}
