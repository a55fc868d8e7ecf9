package org.camelbyte.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** The airbyte: operations as teams write them: YAML routes, options as parameters. */
class AirbyteYamlRoutesTest extends StandInCamelTest {
    static final String ROUTES = """
            - route:
                from:
                  uri: direct:connections
                  steps:
                    - to: { uri: "airbyte:connections", parameters: { match: staging } }
            - route:
                from:
                  uri: direct:lookup
                  steps:
                    - to: { uri: "airbyte:lookup", parameters: { connection: "orders (STAGING)" } }
            - route:
                from:
                  uri: direct:sync
                  steps:
                    - to:
                        uri: "airbyte:sync"
                        parameters: { connection: "orders (PROD)", waitForCompletion: true, pollInterval: 100ms }
                    - log: "job ${header.CamelAirbyteJobId} ${header.CamelAirbyteJobStatus}"
            - route:
                from:
                  uri: direct:job
                  steps:
                    - to: "airbyte:job"
            - route:
                from:
                  uri: direct:cancel
                  steps:
                    - to: "airbyte:cancel"
            - route:
                from:
                  uri: direct:failing
                  steps:
                    - doTry:
                        steps:
                          - to:
                              uri: "airbyte:sync"
                              parameters: { connection: "billing (PROD)", waitForCompletion: true, pollInterval: 100ms }
                        doCatch:
                          - exception: [org.camelbyte.component.AirbyteJobFailedException]
                            steps:
                              - setBody: { simple: "caught ${exception.status}" }
            """;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("airbyte.camel.yaml", ROUTES));
        return context;
    }

    @Test
    void connections() {
        List<Map<String, Object>> connections = template.requestBody("direct:connections", "", List.class);

        assertThat(connections).extracting(c -> c.get("name")).containsExactly("orders (STAGING)");
    }

    @Test
    void lookup() {
        Exchange out = template.request("direct:lookup", e -> {});

        assertThat(out.getMessage().getBody(Map.class)).containsEntry("workspaceName", "Staging");
        assertThat(out.getMessage().getHeader(AirbyteConstants.CONNECTION_ID)).isNotNull();
    }

    @Test
    void syncWaitsForTheEnd() {
        Exchange out = template.request("direct:sync", e -> {});

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AirbyteConstants.JOB_STATUS)).isEqualTo("succeeded");
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("status", "succeeded");
    }

    @Test
    void jobAndCancel() {
        long jobId =
                template.request("direct:sync", e -> {}).getMessage().getHeader(AirbyteConstants.JOB_ID, Long.class);

        Exchange read = template.request("direct:job", e -> e.getMessage().setHeader(AirbyteConstants.JOB_ID, jobId));
        Exchange cancel =
                template.request("direct:cancel", e -> e.getMessage().setHeader(AirbyteConstants.JOB_ID, jobId));

        assertThat(read.getMessage().getHeader(AirbyteConstants.JOB_STATUS)).isEqualTo("succeeded");
        // cancelling a finished job is harmless: the answer is the job as it ended
        assertThat(cancel.getMessage().getHeader(AirbyteConstants.JOB_STATUS)).isEqualTo("succeeded");
    }

    @Test
    void aFailedJobIsCaughtByType() {
        assertThat(template.requestBody("direct:failing", "", String.class)).isEqualTo("caught failed");
    }
}
