package org.camelbyte.standin;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How callers must authenticate. In {@code client_credentials} mode only tokens issued by
 * {@code POST .../applications/token} for these credentials are accepted.
 */
public record StandInAuth(
        Mode mode, String username, String password, String token, String clientId, String clientSecret) {

    public enum Mode {
        NONE,
        BASIC,
        BEARER,
        CLIENT_CREDENTIALS;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public StandInAuth {
        mode = mode == null ? Mode.NONE : mode;
        boolean complete = switch (mode) {
            case NONE -> true;
            case BASIC -> username != null && password != null;
            case BEARER -> token != null;
            case CLIENT_CREDENTIALS -> clientId != null && clientSecret != null;
        };
        if (!complete) {
            throw new IllegalArgumentException(
                    "auth mode " + mode.wireName()
                            + " needs its credentials (basic: username, password; bearer: token; client_credentials: clientId, clientSecret)");
        }
    }

    public static StandInAuth none() {
        return new StandInAuth(Mode.NONE, null, null, null, null, null);
    }

    public static StandInAuth basic(String username, String password) {
        return new StandInAuth(Mode.BASIC, username, password, null, null, null);
    }

    public static StandInAuth bearer(String token) {
        return new StandInAuth(Mode.BEARER, null, null, token, null, null);
    }

    public static StandInAuth clientCredentials(String clientId, String clientSecret) {
        return new StandInAuth(Mode.CLIENT_CREDENTIALS, null, null, null, clientId, clientSecret);
    }
}
