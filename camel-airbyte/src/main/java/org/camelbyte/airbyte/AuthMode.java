package org.camelbyte.airbyte;

/** How requests to Airbyte are authenticated. */
public enum AuthMode {
    NONE,
    BASIC,
    BEARER,
    CLIENT_CREDENTIALS;

    public static AuthMode parse(String value) {
        return EnumValues.parse(AuthMode.class, value, "airbyte auth mode");
    }
}
