package org.camelbyte.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The answer to airbyte:sync's job POST is lost (Airbyte creates the job at once but answers after the
 * client gave up): the exchange reports the job Airbyte created, and Airbyte has exactly one.
 */
class LostStartAnswerTest extends StandInCamelTest {
    private static final String POST_JOBS = "POST /api/public/v1/jobs";

    @AfterEach
    void answerPromptlyAgain() {
        standIn.faults().clear();
    }

    @Override
    protected void configure(AirbyteConfiguration configuration) {
        // the POST's answer comes 1.5 s late, well past this
        configuration.setRequestTimeout(Duration.ofMillis(300));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:lookup-orders").to("airbyte:lookup?connection=orders (PROD)");
                from("direct:sync").to("airbyte:sync?connection=orders (PROD)");
                from("direct:sync-wait")
                        .to("airbyte:sync?connection=orders (PROD)&waitForCompletion=true&pollInterval=100ms");
            }
        };
    }

    @Test
    void aLostAnswerReportsTheJobAirbyteCreatedAndMakesNoOther() {
        String orders = connectionId();
        int jobsBefore = standIn.jobsOf(orders).size();
        long postsBefore = posts();
        int lateBefore = standIn.faults().slowAnswers();
        standIn.faults().slowJobAnswer(Duration.ofMillis(1500));

        Exchange out = template.request("direct:sync", e -> {});

        assertThat(out.getException()).isNull();
        assertThat(standIn.faults().slowAnswers() - lateBefore)
                .as("the POST's answer was held past the timeout")
                .isEqualTo(1);
        // the stand-in records a call when its answer leaves, 1.5 s after the POST
        await().atMost(Duration.ofSeconds(10)).until(() -> posts() - postsBefore >= 1);
        assertThat(posts() - postsBefore).as("job POSTs").isEqualTo(1);
        assertThat(standIn.jobsOf(orders)).as("jobs Airbyte made").hasSize(jobsBefore + 1);
        long created = standIn.jobsOf(orders).get(jobsBefore).id();
        assertThat(out.getMessage().getHeader(AirbyteConstants.JOB_ID, Long.class))
                .isEqualTo(created);
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("jobId", created);
    }

    @Test
    void aLostAnswerWithWaitForCompletionFollowsTheJobAirbyteCreatedToItsEnd() {
        String orders = connectionId();
        int jobsBefore = standIn.jobsOf(orders).size();
        standIn.faults().slowJobAnswer(Duration.ofMillis(1500));

        Exchange out = template.request("direct:sync-wait", e -> {});

        assertThat(out.getException()).isNull();
        assertThat(standIn.jobsOf(orders)).as("jobs Airbyte made").hasSize(jobsBefore + 1);
        assertThat(out.getMessage().getHeader(AirbyteConstants.JOB_ID, Long.class))
                .isEqualTo(standIn.jobsOf(orders).get(jobsBefore).id());
        assertThat(out.getMessage().getHeader(AirbyteConstants.JOB_STATUS)).isEqualTo("succeeded");
        assertThat((Long) out.getMessage().getBody(Map.class).get("rowsSynced")).isPositive();
    }

    private static long posts() {
        return standIn.callCounts().getOrDefault(POST_JOBS, 0L);
    }

    private String connectionId() {
        return (String)
                template.requestBody("direct:lookup-orders", null, Map.class).get("connectionId");
    }
}
