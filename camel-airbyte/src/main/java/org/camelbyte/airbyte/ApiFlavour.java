package org.camelbyte.airbyte;

import java.util.Locale;

/** Which of Airbyte's two HTTP APIs an instance is reached through. */
public enum ApiFlavour {
    /** The public REST API: {@code https://api.airbyte.com/v1} or {@code <host>/api/public/v1}. */
    PUBLIC,
    /** The Config API of self-managed Airbyte: {@code <host>/api/v1}, POST-only RPC. */
    CONFIG;

    public static ApiFlavour parse(String value) {
        return EnumValues.parse(ApiFlavour.class, value, "airbyte flavour");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
