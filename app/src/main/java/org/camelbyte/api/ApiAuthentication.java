package org.camelbyte.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The first step of every {@code /api} route: lets a request through only with the configured bearer
 * token or basic credentials, and answers anything else 401 with a challenge and a sentence.
 */
public final class ApiAuthentication implements Processor {
    /** The exchange property naming who was let through (the basic user, "token", or "anyone"), for records like a cancel's. */
    public static final String CALLER = "camelbyteApiCaller";

    private static final String REALM = "camelbyte";
    private final ApiAuthMode mode;
    private final byte[] expectedDigest;

    /** How callers sign in; the status page asks for it so it can prompt before a 401. */
    public ApiAuthMode mode() {
        return mode;
    }

    private ApiAuthentication(ApiAuthMode mode, String credential) {
        this.mode = mode;
        this.expectedDigest = credential == null ? null : sha256(credential);
    }

    public static ApiAuthentication bearer(String token) {
        return new ApiAuthentication(ApiAuthMode.BEARER, Objects.requireNonNull(token, "token"));
    }

    public static ApiAuthentication basic(String username, String password) {
        return new ApiAuthentication(
                ApiAuthMode.BASIC,
                Objects.requireNonNull(username, "username") + ":" + Objects.requireNonNull(password, "password"));
    }

    public static ApiAuthentication open() {
        return new ApiAuthentication(ApiAuthMode.NONE, null);
    }

    @Override
    public void process(Exchange exchange) {
        if (mode == ApiAuthMode.NONE) {
            exchange.setProperty(CALLER, "anyone (api.auth = none)");
            return;
        }
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        // nothing after this step needs the credential, so nothing after it can leak it
        exchange.getMessage().removeHeader("Authorization");
        String refusal = refusal(authorization);
        if (refusal != null) {
            refuse(exchange, refusal);
        } else {
            exchange.setProperty(CALLER, mode == ApiAuthMode.BEARER ? "token" : caller(authorization));
        }
    }

    /** Why the credential is refused, or null when it is accepted. */
    private String refusal(String authorization) {
        String scheme = mode == ApiAuthMode.BEARER ? "Bearer" : "Basic";
        String how = mode == ApiAuthMode.BEARER
                ? "send the header 'Authorization: Bearer <token>' with the token set in api.token (or, when none"
                        + " is set, the one the app generated into the file api-token in its data dir)"
                : "send basic credentials matching api.username and api.password";
        if (authorization == null || authorization.isBlank()) {
            return "This API needs credentials: " + how + ".";
        }
        String prefix = scheme.toLowerCase(Locale.ROOT) + " ";
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return "This API accepts only " + scheme + " credentials: " + how + ".";
        }
        String given = credential(authorization.substring(prefix.length()).trim());
        // digests first: MessageDigest.isEqual is constant-time only for inputs of equal length
        if (given == null || !MessageDigest.isEqual(sha256(given), expectedDigest)) {
            return "The credentials were not accepted: " + how + ".";
        }
        return null;
    }

    /** The user name of accepted basic credentials (never the password). */
    private String caller(String authorization) {
        String given = credential(authorization.substring("basic ".length()).trim());
        return given.substring(0, given.indexOf(':'));
    }

    private String credential(String value) {
        if (mode == ApiAuthMode.BEARER) {
            return value;
        }
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void refuse(Exchange exchange, String reason) {
        RefusalLog.refused(exchange, 401, reason);
        exchange.getMessage().setHeaders(new HashMap<>());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, ApiProblem.MEDIA_TYPE);
        exchange.getMessage()
                .setHeader(
                        "WWW-Authenticate",
                        mode == ApiAuthMode.BEARER
                                ? "Bearer realm=\"" + REALM + "\""
                                : "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        // the reasons are fixed sentences without quotes or backslashes, so no JSON escaping is needed
        exchange.getMessage()
                .setBody("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + reason
                        + "\",\"error\":\"" + reason + "\"}");
        exchange.setRouteStop(true);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
