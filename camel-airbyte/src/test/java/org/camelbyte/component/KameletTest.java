package org.camelbyte.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.camelbyte.standin.AirbyteStandInExtension;
import org.camelbyte.standin.StandInJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The airbyte-sync-action Kamelet as a Camel user loads it: from the camel-airbyte jar's kamelets/ folder (the
 * kamelet component's default location), in a YAML route, against the stand-in over HTTP.
 */
class KameletTest {
    @RegisterExtension
    static AirbyteStandInExtension airbyte = AirbyteStandInExtension.withScenario("""
            timeScale: 0.05
            workspaces: [{name: Production}]
            connections:
              - name: orders
                workspace: Production
                job:
                  - {status: pending, seconds: 1}
                  - {status: running, seconds: 4, rowsPerSecond: 100, bytesPerRow: 50}
                  - {status: succeeded}
              - name: billing (PROD)
                workspace: Production
                job:
                  - {status: running, seconds: 2}
                  - {status: failed, failure: "Destination quota exceeded"}
              - name: slow
                workspace: Production
                job:
                  - {status: running, seconds: 1000000}
                  - {status: succeeded}
            """);

    static final String ROUTES = """
            - route:
                from:
                  uri: direct:orders
                  steps:
                    - to: kamelet:airbyte-sync-action?connection=orders
            - route:
                from:
                  uri: direct:billing
                  steps:
                    - doTry:
                        steps:
                          - to:
                              uri: kamelet:airbyte-sync-action
                              parameters: { connection: "billing (PROD)", pollInterval: 100ms }
                        doCatch:
                          - exception: [org.camelbyte.component.AirbyteJobFailedException]
                            steps:
                              - setBody: { simple: "caught ${exception.status}" }
            - route:
                from:
                  uri: direct:start-only
                  steps:
                    - to: kamelet:airbyte-sync-action?connection=slow&waitForCompletion=false
            """;

    static CamelContext context;
    static ProducerTemplate template;

    @BeforeAll
    static void startCamel() throws Exception {
        context = new DefaultCamelContext();
        context.getComponent("airbyte", AirbyteComponent.class)
                .getConfiguration()
                .setBaseUrl(airbyte.publicApiUrl());
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("sync.camel.yaml", ROUTES));
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stopCamel() {
        context.stop();
    }

    @Test
    void waitsForTheJobsEndByDefaultAndCarriesItsStatus() {
        Exchange out = template.request("direct:orders", e -> {});

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AirbyteConstants.JOB_STATUS)).isEqualTo("succeeded");
        Map<String, Object> job = out.getMessage().getBody(Map.class);
        assertThat(job).containsEntry("status", "succeeded").containsEntry("jobType", "sync");
        // the stand-in agrees: one job, and it has ended
        String connectionId = out.getMessage().getHeader(AirbyteConstants.CONNECTION_ID, String.class);
        assertThat(airbyte.standIn().jobsOf(connectionId)).singleElement().satisfies(j -> {
            assertThat(j.id()).isEqualTo(out.getMessage().getHeader(AirbyteConstants.JOB_ID, Long.class));
            assertThat(j.status()).isEqualTo("succeeded");
        });
    }

    @Test
    void aFailedJobFailsTheExchangeWithItsStatus() {
        assertThat(template.requestBody("direct:billing", "", String.class)).isEqualTo("caught failed");
    }

    @Test
    void withoutWaitingTheExchangeGoesOnOnceAirbyteTookTheJob() {
        Exchange out = template.request("direct:start-only", e -> {});

        assertThat(out.getException()).isNull();
        String connectionId = out.getMessage().getHeader(AirbyteConstants.CONNECTION_ID, String.class);
        assertThat(airbyte.standIn().jobsOf(connectionId))
                .extracting(StandInJob::status)
                .containsExactly("running");
        assertThat(out.getMessage().getHeader(AirbyteConstants.JOB_STATUS)).isIn("pending", "running");
    }
}
