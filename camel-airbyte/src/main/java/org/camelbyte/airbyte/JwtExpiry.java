package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * How long an access token that is a JWT says it lives, read from its own claims. Airbyte's tokens can
 * expire before the {@code expires_in} of the answer that carried them (airbytehq/airbyte#55784). The
 * payload is only base64-decoded: never verified (Airbyte does that) and never logged (it is a secret).
 */
final class JwtExpiry {
    private JwtExpiry() {}

    /**
     * {@code exp - iat} when the token carries both: Airbyte's clock may be minutes off ours, so its own
     * two claims give the lifetime; {@code exp} against our clock only when there is no {@code iat}.
     * Empty when the token is not a JWT or has no {@code exp}.
     */
    static Optional<Duration> lifetime(String token, java.time.Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims =
                    Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (claims == null || !claims.path("exp").isNumber()) {
                return Optional.empty();
            }
            long exp = claims.path("exp").asLong();
            long from = claims.path("iat").isNumber() ? claims.path("iat").asLong() : now.getEpochSecond();
            return Optional.of(Duration.ofSeconds(Math.max(0, exp - from)));
        } catch (IllegalArgumentException | java.io.IOException notAJwt) {
            return Optional.empty();
        }
    }
}
