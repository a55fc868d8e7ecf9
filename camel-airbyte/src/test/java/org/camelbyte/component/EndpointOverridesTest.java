package org.camelbyte.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Airbytes in one Camel context: the component's own (the class's stand-in) and a second one an endpoint
 * names in its URI. Each waiting sync follows its job on its own Airbyte, through a client and watcher of its
 * own, and neither Airbyte hears of the other's job.
 */
class EndpointOverridesTest extends StandInCamelTest {
    private static final String POST_JOBS = "POST /api/public/v1/jobs";

    @RegisterExtension
    static final ScenarioStandIn SECOND = new ScenarioStandIn();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:first")
                        .to("airbyte:sync?connection=orders (PROD)&waitForCompletion=true&pollInterval=100ms");
                from("direct:second")
                        .toF(
                                "airbyte:sync?baseUrl=%s&connection=orders (PROD)&waitForCompletion=true"
                                        + "&pollInterval=100ms",
                                SECOND.get().publicApiUrl());
            }
        };
    }

    @Test
    void twoEndpointsWithTwoBaseUrlsEachFollowTheirJobToItsEnd() {
        long firstPosts = posts(standIn);
        long secondPosts = posts(SECOND.get());

        Exchange one = template.request("direct:first", e -> {});
        Exchange two = template.request("direct:second", e -> {});

        assertThat(one.getException()).isNull();
        assertThat(two.getException()).isNull();
        assertThat(one.getMessage().getHeader(AirbyteConstants.JOB_STATUS)).isEqualTo("succeeded");
        assertThat(two.getMessage().getHeader(AirbyteConstants.JOB_STATUS)).isEqualTo("succeeded");
        assertThat(posts(standIn) - firstPosts)
                .as("jobs started on the component's Airbyte")
                .isEqualTo(1);
        assertThat(posts(SECOND.get()) - secondPosts)
                .as("jobs started on the endpoint's Airbyte")
                .isEqualTo(1);
        String connection = two.getMessage().getHeader(AirbyteConstants.CONNECTION_ID, String.class);
        long job = two.getMessage().getHeader(AirbyteConstants.JOB_ID, Long.class);
        assertThat(SECOND.get().jobsOf(connection))
                .anySatisfy(j -> assertThat(j.id()).isEqualTo(job));
        assertThat((Long) two.getMessage().getBody(Map.class).get("rowsSynced")).isPositive();
    }

    @Test
    void endpointsOfOneConfigurationShareOneAccessAndOthersHaveTheirOwn() {
        AirbyteComponent component = context.getComponent("airbyte", AirbyteComponent.class);
        AirbyteEndpoint a = context.getEndpoint("airbyte:job", AirbyteEndpoint.class);
        AirbyteEndpoint b = context.getEndpoint("airbyte:cancel", AirbyteEndpoint.class);
        AirbyteEndpoint c =
                context.getEndpoint("airbyte:job?baseUrl=" + SECOND.get().publicApiUrl(), AirbyteEndpoint.class);

        assertThat(component.access(a.getConfiguration())).isSameAs(component.access(b.getConfiguration()));
        assertThat(component.access(c.getConfiguration())).isNotSameAs(component.access(a.getConfiguration()));
        assertThat(c.getConfiguration().getBaseUrl()).isEqualTo(SECOND.get().publicApiUrl());
        assertThat(component.getConfiguration().getBaseUrl())
                .as("an endpoint's override leaves the component's configuration as it was")
                .isEqualTo(standIn.publicApiUrl());
    }

    private static long posts(AirbyteStandIn airbyte) {
        return airbyte.callCounts().getOrDefault(POST_JOBS, 0L);
    }
}
