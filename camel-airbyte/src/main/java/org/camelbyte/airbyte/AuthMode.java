package org.camelbyte.airbyte;

import java.util.Locale;

/** How requests to Airbyte are authenticated. */
public enum AuthMode {
    NONE,
    BASIC,
    BEARER,
    CLIENT_CREDENTIALS;

    public static AuthMode parse(String value) {
        return EnumValues.parse(AuthMode.class, value, "airbyte auth mode");
    }

    /** As users write it: {@code client_credentials}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
