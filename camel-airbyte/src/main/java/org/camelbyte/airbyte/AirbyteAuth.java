package org.camelbyte.airbyte;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

/** Supplies the Authorization header for each call. */
interface AirbyteAuth {

    /** The Authorization header value, or null when the instance runs without auth. */
    String authorization();

    /**
     * Called once after a 401 with the header Airbyte refused; true when a fresh credential was obtained,
     * so the call is worth repeating once.
     */
    boolean renewAfterRejection(String refusedAuthorization);

    static AirbyteAuth from(AirbyteSettings settings, CamelHttpTransport transport, Clock clock) {
        return switch (settings.authMode()) {
            case NONE -> new StaticAuth(null);
            case BASIC ->
                new StaticAuth("Basic "
                        + Base64.getEncoder()
                                .encodeToString((settings.username() + ":" + settings.password())
                                        .getBytes(StandardCharsets.UTF_8)));
            case BEARER -> new StaticAuth("Bearer " + settings.token());
            case CLIENT_CREDENTIALS -> new ClientCredentialsAuth(settings, transport, clock);
        };
    }
}
