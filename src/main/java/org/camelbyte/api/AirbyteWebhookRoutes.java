package org.camelbyte.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.airbyte.JobWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/airbyte/webhook/{secret}}: Airbyte's workspace notification for a sync that succeeded or
 * failed ({@code {"data": {"jobId", "connection", "success", ...}}}, airbyte-platform's SyncSummary). Airbyte
 * signs nothing, so the URL carries {@code airbyte.webhook-secret}; a wrong one gets 401. The notification
 * only makes the job watcher read that job at once: Airbyte's own answer stays the source of truth, so an
 * unknown job, a replay or a forged body changes no run.
 */
public class AirbyteWebhookRoutes extends RouteBuilder {
    public static final String PATH = "/api/airbyte/webhook/";
    private static final Logger LOG = LoggerFactory.getLogger(AirbyteWebhookRoutes.class);

    private final JobWatcher watcher;
    private final byte[] secret;
    private final ObjectMapper json;

    public AirbyteWebhookRoutes(JobWatcher watcher, String secret, ObjectMapper json) {
        this.watcher = watcher;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(
                        e -> reply(
                                e,
                                400,
                                Map.of(
                                        "error",
                                        "The body is not Airbyte's webhook notification JSON; expected {\"data\": {\"jobId\": <number>, ...}}.")));
        from("platform-http:" + PATH + "{secret}?httpMethodRestrict=POST")
                .routeId("api-airbyte-webhook")
                .process(this::receive);
    }

    private void receive(Exchange exchange) throws Exception {
        String given = exchange.getMessage().getHeader("secret", "", String.class);
        // constant time, so the secret cannot be guessed byte by byte from answer times
        if (!MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            reply(
                    exchange,
                    401,
                    Map.of(
                            "error",
                            "Wrong webhook secret in the URL; use the URL with airbyte.webhook-secret"
                                    + " (docs/webhooks.md)."));
            return;
        }
        JsonNode data =
                json.readTree(exchange.getMessage().getBody(String.class)).path("data");
        if (!data.path("jobId").canConvertToLong()) {
            reply(
                    exchange,
                    400,
                    Map.of(
                            "error",
                            "The notification has no numeric data.jobId; Airbyte's sync"
                                    + " notifications carry one, other notifications are not needed here."));
            return;
        }
        long jobId = data.path("jobId").asLong();
        boolean followed = watcher.hurry(jobId);
        LOG.debug("Airbyte webhook for job {} ({})", jobId, followed ? "read at once" : "no run follows it; ignored");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobId", jobId);
        answer.put("followed", followed);
        reply(exchange, 200, answer);
    }

    private void reply(Exchange exchange, int status, Object body) throws Exception {
        exchange.getMessage().setHeaders(new java.util.HashMap<>());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json.writeValueAsString(body));
    }
}
