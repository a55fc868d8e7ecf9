package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Exchanges client credentials for an access token at {@code /applications/token}, caches it and renews
 * it at 80% of its lifetime: {@code expires_in} has changed across Airbyte versions (180 s, 900 s), so
 * the lifetime is read from each answer, and a token that is a JWT may expire before {@code expires_in}
 * says, so the shorter of the two counts. One renewal at a time; callers that arrive during a renewal
 * wait for it and reuse its token.
 */
final class ClientCredentialsAuth implements AirbyteAuth {
    private static final double RENEW_AT_FRACTION = 0.8;
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(180);

    private record Token(String authorization, Instant renewAt) {}

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final CamelHttpTransport transport;
    private final Clock clock;
    private final HttpFailures failures;
    private volatile Token current;

    ClientCredentialsAuth(AirbyteSettings settings, CamelHttpTransport transport, Clock clock) {
        this.tokenUrl = settings.tokenUrl();
        this.clientId = settings.clientId();
        this.clientSecret = settings.clientSecret();
        this.transport = transport;
        this.clock = clock;
        this.failures = new HttpFailures(
                URI.create(tokenUrl.getScheme() + "://" + tokenUrl.getAuthority()), new Redactor(settings), clock);
    }

    @Override
    public String authorization() {
        Token token = current;
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return token.authorization();
        }
        return renewUnless(token);
    }

    @Override
    public boolean renewAfterRejection(String refusedAuthorization) {
        Token token = current;
        if (token != null && !token.authorization().equals(refusedAuthorization)) {
            return true; // another call renewed it meanwhile
        }
        renewUnless(token);
        return true;
    }

    /** Renews unless another thread already replaced {@code seen}; then its token is used. */
    private synchronized String renewUnless(Token seen) {
        Token now = current;
        if (now != seen && now != null) {
            return now.authorization();
        }
        current = requestToken();
        return current.authorization();
    }

    private Token requestToken() {
        ObjectNode body = Json.object().put("client_id", clientId).put("client_secret", clientSecret);
        ApiRequest described = ApiRequest.post(tokenUrl.getPath(), body);
        Instant askedAt = clock.instant();
        ApiAnswer answer;
        try {
            answer = transport.send("POST", tokenUrl, body.toString(), null);
        } catch (IOException e) {
            throw failures.unreachable(described, e);
        }
        if (answer.status() == 401 || answer.status() == 403 || answer.status() == 400) {
            throw failures.rejected(
                    described,
                    answer.status(),
                    ": " + failures.detail(answer),
                    "check the client id and client secret of the Airbyte application (and the token URL)");
        }
        if (!answer.isSuccess()) {
            throw failures.fromAnswer(described, answer);
        }
        JsonNode json = answer.json();
        String accessToken = Json.text(json, "access_token");
        if (accessToken == null || accessToken.isBlank()) {
            throw new AirbyteUnavailableException(
                    "Airbyte's token endpoint " + tokenUrl
                            + " answered without an access_token; check the token URL points at /applications/token.",
                    null,
                    false,
                    null);
        }
        long expiresIn = Json.number(json, "expires_in");
        Duration stated = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : DEFAULT_LIFETIME;
        Duration lifetime = JwtExpiry.lifetime(accessToken, askedAt)
                .filter(own -> own.compareTo(stated) < 0)
                .orElse(stated);
        Duration renewAfter = Duration.ofMillis((long) (lifetime.toMillis() * RENEW_AT_FRACTION));
        return new Token("Bearer " + accessToken, askedAt.plus(renewAfter));
    }
}
