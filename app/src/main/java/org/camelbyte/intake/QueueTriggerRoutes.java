package org.camelbyte.intake;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.camelbyte.config.Beans;

/**
 * Run requests from a queue ({@code triggers.queue.uri}): {"requestId", "pipeline" | "connectionName" | "group",
 * "jobType"?}. The message is acknowledged (the JMS transaction commits) only after the run is recorded; a
 * duplicate requestId starts nothing; a request that can never run goes to the dead-letter queue with its reason.
 * Java, not a route file: a step a team removed could otherwise consume requests and record no run.
 */
public class QueueTriggerRoutes extends RouteBuilder {
    private static final String COUNTER = "micrometer:counter:camelbyte.queue.requests?tags.outcome=";

    private final RunRequestParser parser;
    private final RunRequests requests;
    private final IdempotentRepository requestIds;

    public QueueTriggerRoutes(RunRequestParser parser, RunRequests requests, IdempotentRepository requestIds) {
        this.parser = parser;
        this.requests = requests;
        this.requestIds = requestIds;
    }

    @Override
    public void configure() {
        from("{{triggers.queue.uri}}")
                .routeId("queue-trigger")
                .onException(InvalidRunRequestException.class, NotFoundException.class)
                .handled(true)
                // the dead-letter queue gets the message as it was sent, with the reason beside it
                .setBody(exchangeProperty("originalRequest"))
                .setHeader("deadLetterReason", simple("${exception.message}"))
                .log(LoggingLevel.WARN, "Run request refused and sent to the dead-letter queue: ${exception.message}")
                .removeHeaders("JMS*", "JMSCorrelationID")
                .to("{{triggers.queue.dlq-uri}}")
                .to(COUNTER + "dead_lettered")
                .end()
                .setProperty("originalRequest", simple("${bodyAs(String)}"))
                .process(exchange -> exchange.getMessage()
                        .setBody(parser.parse(exchange.getMessage().getBody(String.class), "queue")))
                .setHeader("requestId", simple("${body.requestId}"))
                // eager=false: the id is remembered only once the run is recorded, so a crash in between redelivers
                // the message instead of dropping it (the run table's unique requestId catches the rest)
                .idempotentConsumer(header("requestId"))
                .idempotentRepository(requestIds)
                .eager(false)
                .choice()
                .when(simple("${body.group} != null"))
                // by name: group runs build on intake, not the other way round
                .bean(Beans.GROUP_RUNS, "start(${body.group}, ${body.requestId}, 'queue')")
                .otherwise()
                .bean(requests, "accept")
                .end()
                .end()
                // a known requestId is a duplicate, whether the idempotent consumer saw it or the run (group run)
                // table's unique key did (two copies at the same moment)
                .choice()
                .when(simple("${exchangeProperty.CamelDuplicateMessage} == true || ${body.created} == false"))
                .to(COUNTER + "duplicate")
                .otherwise()
                .to(COUNTER + "accepted");
    }
}
