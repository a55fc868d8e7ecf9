package org.camelbyte.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.assertj.core.api.AbstractThrowableAssert;
import org.camelbyte.airbyte.ConnectionLookupException;
import org.junit.jupiter.api.Test;

/** Each operation of the airbyte: component in Java DSL routes, in a plain Camel context against the stand-in. */
class AirbyteComponentTest extends StandInCamelTest {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:connections").to("airbyte:connections?match=prod");
                from("direct:lookup").to("airbyte:lookup?connection=orders (PROD)");
                from("direct:lookup-header").to("airbyte:lookup");
                from("direct:sync").to("airbyte:sync?connection=orders (PROD)");
                from("direct:sync-wait")
                        .to("airbyte:sync?connection=orders (PROD)&waitForCompletion=true&pollInterval=100ms");
                from("direct:sync-failing")
                        .to("airbyte:sync?connection=billing (PROD)&waitForCompletion=true&pollInterval=100ms");
                from("direct:sync-timeout")
                        .to("airbyte:sync?connection=slow (PROD)&waitForCompletion=true&pollInterval=100ms&timeout=1s");
                from("direct:job").to("airbyte:job");
                from("direct:cancel").to("airbyte:cancel");
                from("direct:caught")
                        .onException(AirbyteJobFailedException.class)
                        .handled(true)
                        .setBody(simple("caught ${exception.status} job ${exception.jobId}"))
                        .end()
                        .to("airbyte:sync?connection=billing (PROD)&waitForCompletion=true&pollInterval=100ms");
            }
        };
    }

    @Test
    void connectionsListsThoseMatchingIgnoringCase() {
        List<Map<String, Object>> connections = template.requestBody("direct:connections", null, List.class);

        assertThat(connections)
                .extracting(c -> c.get("name"))
                .containsExactly("billing (PROD)", "orders (PROD)", "paused (PROD)", "slow (PROD)");
    }

    @Test
    void lookupResolvesANameAndSetsTheConnectionIdHeader() {
        Exchange out = template.request("direct:lookup", e -> {});

        assertThat(out.getMessage().getBody(Map.class))
                .containsEntry("name", "orders (PROD)")
                .containsEntry("workspaceName", "Production");
        assertThat(out.getMessage().getHeader(AirbyteConstants.CONNECTION_ID))
                .isEqualTo(out.getMessage().getBody(Map.class).get("connectionId"));
    }

    @Test
    void lookupOfAnAmbiguousNameSaysWhichWorkspaces() {
        Exchange out = template.request(
                "direct:lookup-header", e -> e.getMessage().setHeader(AirbyteConstants.CONNECTION_ID, "orders"));

        assertThat(out.getException())
                .isInstanceOf(ConnectionLookupException.class)
                .hasMessageContaining("orders");
    }

    @Test
    void lookupOfAnInactiveConnectionIsRefused() {
        Exchange out = template.request(
                "direct:lookup-header", e -> e.getMessage().setHeader(AirbyteConstants.CONNECTION_ID, "paused (PROD)"));

        assertThat(out.getException())
                .isInstanceOf(ConnectionLookupException.class)
                .hasMessageContaining("inactive");
    }

    @Test
    void syncStartsAJobAndAnswersAtOnce() {
        Exchange out = template.request("direct:sync", e -> {});

        Map<String, Object> job = out.getMessage().getBody(Map.class);
        assertThat(job).containsKeys("jobId", "status", "rowsSynced", "bytesSynced");
        assertThat(out.getMessage().getHeader(AirbyteConstants.JOB_ID)).isEqualTo(job.get("jobId"));
        assertThat(out.getMessage().getHeader(AirbyteConstants.JOB_STATUS, String.class))
                .isIn("pending", "running");
        assertThat(out.getMessage().getHeader(AirbyteConstants.CONNECTION_ID)).isNotNull();
    }

    @Test
    void syncWithWaitForCompletionContinuesWhenTheJobHasSucceeded() {
        Exchange out = template.request("direct:sync-wait", e -> {});

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(AirbyteConstants.JOB_STATUS)).isEqualTo("succeeded");
        assertThat((Long) out.getMessage().getBody(Map.class).get("rowsSynced")).isPositive();
    }

    @Test
    void aFailedJobRaisesTheTypedExceptionCarryingTheJob() {
        Throwable thrown = catchThrowable(() -> template.requestBody("direct:sync-failing", (Object) null));

        assertThat(thrown).isInstanceOf(CamelExecutionException.class);
        AirbyteJobFailedException failed = (AirbyteJobFailedException) thrown.getCause();
        assertThat(failed.getStatus()).isEqualTo("failed");
        assertThat(failed).hasMessageContaining("billing (PROD)").hasMessageContaining("ended failed");
        assertThat(failed.getJob()).containsKeys("jobId", "rowsSynced", "bytesSynced");
    }

    @Test
    void onExceptionCatchesTheFailedJob() {
        String body = template.requestBody("direct:caught", null, String.class);

        assertThat(body).matches("caught failed job \\d+");
    }

    @Test
    void aJobPastItsTimeoutIsCancelledAndFailsTheExchange() {
        Exchange out = template.request("direct:sync-timeout", e -> {});

        assertThat(out.getException())
                .isInstanceOf(AirbyteJobFailedException.class)
                .hasMessageContaining("did not end within 1s")
                .hasMessageContaining("cancelled it");
        String connectionId = out.getMessage().getHeader(AirbyteConstants.CONNECTION_ID, String.class);
        assertThat(standIn.jobsOf(connectionId))
                .singleElement()
                .satisfies(job -> assertThat(job.wasCancelled()).isTrue());
    }

    @Test
    void jobAndCancelTakeTheJobIdFromTheHeader() {
        long jobId =
                template.request("direct:sync", e -> {}).getMessage().getHeader(AirbyteConstants.JOB_ID, Long.class);

        Exchange read = template.request("direct:job", e -> e.getMessage().setHeader(AirbyteConstants.JOB_ID, jobId));
        Exchange cancelled =
                template.request("direct:cancel", e -> e.getMessage().setHeader(AirbyteConstants.JOB_ID, jobId));

        assertThat(read.getMessage().getBody(Map.class)).containsEntry("jobId", jobId);
        assertThat(cancelled.getMessage().getHeader(AirbyteConstants.JOB_STATUS))
                .isIn("cancelled", "succeeded");
    }

    @Test
    void jobWithoutAnIdSaysWhereToPutIt() {
        Exchange out = template.request("direct:job", e -> {});

        assertThat(out.getException()).hasMessageContaining("option jobId or the header CamelAirbyteJobId");
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        refused("airbyte:nope")
                .hasMessageContaining("names no airbyte operation 'nope'")
                .hasMessageContaining("airbyte:sync");
        refused("airbyte:sync?jobType=full")
                .hasMessageContaining("jobType must be one of sync, reset, clear; 'full' is not");
        refused("airbyte:sync?pollInterval=often").hasMessageContaining("pollInterval is 'often', not a duration");
        refused("airbyte:sync?timeout=0s")
                .hasMessageContaining("the option timeout is 0ms (or no duration); write a positive duration");
        refused("airbyte:sync?authMode=kerberos")
                .hasMessageContaining(
                        "airbyte auth mode 'kerberos' is not one of none, basic, bearer, client_credentials");
        refused("airbyte:sync?authMode=bearer")
                .hasMessageContaining("Airbyte auth mode bearer needs token; set it or choose another auth mode");
        refused("airbyte:outcomes?statuses=done").hasMessageContaining("statuses names 'done', which is no run status");
        refused("airbyte:run").hasMessageContaining("airbyte:run needs the option pipeline");
    }

    @Test
    void theStatusFilterIsStatusesAndTheOldNameIsRefusedAtRouteStart() {
        AirbyteEndpoint endpoint = context.getEndpoint("airbyte:job?statuses=failed,cancelled", AirbyteEndpoint.class);
        assertThat(endpoint.statusFilter()).containsExactlyInAnyOrder("failed", "cancelled");

        // status clashed with every endpoint's getStatus(): a route still using it is told, not silently unfiltered
        assertThat(catchThrowable(() -> context.getEndpoint("airbyte:job?status=failed")))
                .hasMessageContaining("status");
    }

    /** Why creating the endpoint failed: the innermost cause, the sentence a user reads. */
    private AbstractThrowableAssert<?, ? extends Throwable> refused(String uri) {
        return assertThat(catchThrowable(() -> context.getEndpoint(uri))).rootCause();
    }
}
