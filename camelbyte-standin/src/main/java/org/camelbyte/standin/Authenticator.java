package org.camelbyte.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checks credentials per the scenario's auth mode and issues the short-lived tokens of client_credentials. */
final class Authenticator {

    private final StandInAuth auth;
    private final Duration tokenTtl;
    private final Clock clock;
    private final ServerBehaviours behaviours;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    Authenticator(StandInAuth auth, Duration tokenTtl, Clock clock, ServerBehaviours behaviours) {
        this.auth = auth;
        this.tokenTtl = tokenTtl;
        this.clock = clock;
        this.behaviours = behaviours;
    }

    /** Throws a 401 unless the request carries what the mode demands. */
    void check(StandInRequest request) {
        if (!accepts(request.header("authorization"))) {
            throw new HttpProblem(Problems.unauthorized());
        }
    }

    /** {@code POST .../applications/token}, JSON or form body. */
    StandInResponse issueToken(StandInRequest request) {
        if (auth.mode() != StandInAuth.Mode.CLIENT_CREDENTIALS) {
            return Problems.resourceNotFound(
                    "Application token endpoint (auth mode " + auth.mode().wireName() + ")", "");
        }
        Map<String, String> form = credentialsOf(request);
        String id = form.getOrDefault("client_id", form.get("clientId"));
        String secret = form.getOrDefault("client_secret", form.get("clientSecret"));
        if (!equal(auth.clientId(), id) || !equal(auth.clientSecret(), secret)) {
            return Problems.unauthorized();
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiry = clock.instant().plus(tokenTtl);
        Duration earlier = behaviours.jwtExpiresEarlierBy();
        if (earlier != null) {
            // Airbyte's token is a JWT whose own exp may come before expires_in runs out; it is refused after exp
            expiry = expiry.minus(earlier);
            token = jwt(id, clock.instant(), expiry, token);
        }
        tokens.put(token, expiry);
        return StandInResponse.ok(Json.object()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", tokenTtl.toSeconds()));
    }

    /** An unsigned-looking JWT: header, claims (iat and exp on the server's clock), a random "signature". */
    private String jwt(String subject, Instant issued, Instant expiry, String signature) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = Json.object()
                .put("sub", subject)
                .put("iat", behaviours.claimSeconds(issued))
                .put("exp", behaviours.claimSeconds(expiry))
                .toString();
        return header + "." + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    void expireAllTokens() {
        tokens.clear();
    }

    private boolean accepts(String header) {
        return switch (auth.mode()) {
            case NONE -> true;
            case BASIC ->
                header != null
                        && header.startsWith("Basic ")
                        && equal(auth.username() + ":" + auth.password(), decodeBasic(header.substring(6)));
            case BEARER -> equal("Bearer " + auth.token(), header);
            case CLIENT_CREDENTIALS -> header != null && header.startsWith("Bearer ") && liveToken(header.substring(7));
        };
    }

    private boolean liveToken(String token) {
        Instant expiry = tokens.get(token);
        if (expiry != null && !clock.instant().isBefore(expiry)) {
            tokens.remove(token);
            return false;
        }
        return expiry != null;
    }

    private static Map<String, String> credentialsOf(StandInRequest request) {
        String type = request.header("content-type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> result = new HashMap<>();
            StandInRequest.parseForm(request.body()).forEach((k, v) -> result.put(k, v.isEmpty() ? null : v.get(0)));
            return result;
        }
        JsonNode json = request.json();
        Map<String, String> result = new HashMap<>();
        for (String field : List.of("client_id", "client_secret", "clientId", "clientSecret")) {
            if (json.hasNonNull(field)) {
                result.put(field, json.get(field).asText());
            }
        }
        return result;
    }

    private static String decodeBasic(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean equal(String expected, String actual) {
        return actual != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
