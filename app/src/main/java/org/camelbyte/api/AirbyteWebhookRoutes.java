package org.camelbyte.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.camelbyte.airbyte.JobEndNotice;
import org.camelbyte.airbyte.JobWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/airbyte/webhook/{secret}}: Airbyte's workspace notification for a sync that succeeded or
 * failed ({@code {"data": {"jobId", "connection", "success", ...}}}, airbyte-platform's SyncSummary). Airbyte
 * signs nothing, so the URL carries {@code airbyte.webhook-secret} instead of the API's credentials; a wrong one
 * gets 401. Answers and errors as every {@code /api} route ({@link ApiRouteBuilder}). With the right secret, the
 * notification of a followed job of the same connection ends its run at once, with the notification's status,
 * figures and error message; the job watcher confirms it with its next read of the job and warns when Airbyte
 * says otherwise. An unknown job, an ended one (a replay) or a notice naming another connection changes no run.
 */
public class AirbyteWebhookRoutes extends ApiRouteBuilder {
    public static final String PATH = "/api/airbyte/webhook/";
    private static final Logger LOG = LoggerFactory.getLogger(AirbyteWebhookRoutes.class);

    /** The window of {@code airbyte.webhook-rate-limit}. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final JobWatcher watcher;
    private final byte[] secret;
    /** Refused calls per source ({@code airbyte.webhook-rate-limit} a minute); past it, every call is refused. */
    private final PerSource refusals;

    /**
     * {@code perMinute}: the refused calls (wrong secret, unreadable body) one address may make a minute ({@code
     * airbyte.webhook-rate-limit}); past it, that address is refused until the minute ends.
     */
    public AirbyteWebhookRoutes(JobWatcher watcher, String secret, int perMinute, ObjectMapper json) {
        super(json);
        this.watcher = watcher;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.refusals = new PerSource(perMinute, RATE_WINDOW, Clock.systemUTC());
    }

    /** Airbyte cannot send the API's credentials: the secret in the URL is this route's, checked first. */
    @Override
    protected boolean behindApiCredentials() {
        return false;
    }

    @Override
    protected void routes() {
        from("platform-http:" + PATH + "{secret}?httpMethodRestrict=POST")
                .routeId("api-airbyte-webhook")
                .process(this::receive);
    }

    private void receive(Exchange exchange) throws Exception {
        // first, so a flood of refused calls (a secret guessed at speed) costs no more than a look at a count;
        // Airbyte's own notifications are never counted, so a burst of thousands of syncs ending is never refused
        String source = RefusalLog.source(exchange);
        if (refusals.exhausted(source)) {
            long wait = refusals.secondsLeft(source);
            throw new ApiProblem(
                            429,
                            "Too many refused webhook calls from " + source + "; retry in " + wait
                                    + " s (airbyte.webhook-rate-limit per minute).")
                    .header("Retry-After", wait);
        }
        String given = exchange.getMessage().getHeader("secret", "", String.class);
        // constant time, so the secret cannot be guessed byte by byte from answer times
        if (!MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            refusals.allow(source);
            throw new ApiProblem(
                    401,
                    "Wrong webhook secret in the URL; use the URL with airbyte.webhook-secret (docs/webhooks.md).");
        }
        JsonNode data;
        try {
            data = data(exchange.getMessage().getBody(String.class));
        } catch (BadRequestException unreadable) {
            refusals.allow(source);
            throw unreadable;
        }
        long jobId = data.path("jobId").asLong();
        // the secret says Airbyte sent it: its run ends at once on it, and a read confirms it afterwards; a
        // failure's message is the reason the public API does not give, kept for the run's error
        boolean followed = watcher.notified(new JobEndNotice(
                jobId,
                data.path("connection").path("id").asText(null),
                data.path("success").asBoolean(true),
                data.path("errorMessage").asText(null),
                count(data.path("recordsCommitted")),
                count(data.path("bytesCommitted"))));
        LOG.debug("Airbyte webhook for job {} ({})", jobId, followed ? "followed" : "no run follows it; ignored");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobId", jobId);
        answer.put("followed", followed);
        reply(exchange, 200, answer);
    }

    /** A count the notification gives, or null when it gives none a count can be (the last read's stays). */
    private static Long count(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0 ? value.asLong() : null;
    }

    /** The notification's {@code data}, with a numeric {@code jobId}. */
    private JsonNode data(String body) {
        JsonNode data;
        try {
            data = json.readTree(body == null ? "" : body).path("data");
        } catch (JsonProcessingException e) {
            throw new BadRequestException("The body is not Airbyte's webhook notification JSON; expected"
                    + " {\"data\": {\"jobId\": <number>, ...}}.");
        }
        if (!data.path("jobId").canConvertToLong()) {
            throw new BadRequestException("The notification has no numeric data.jobId; Airbyte's sync notifications"
                    + " carry one, other notifications are not needed here.");
        }
        return data;
    }
}
