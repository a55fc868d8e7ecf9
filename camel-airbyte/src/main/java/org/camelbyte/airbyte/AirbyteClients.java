package org.camelbyte.airbyte;

import java.time.Clock;
import org.apache.camel.CamelContext;

/** Builds the client for an Airbyte instance's API flavour, over camel-http. */
public final class AirbyteClients {
    private AirbyteClients() {}

    public static AirbyteClient create(AirbyteSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    /** With a clock of the caller's, so token renewal can be tested without waiting. */
    public static AirbyteClient create(AirbyteSettings settings, Clock clock) {
        return create(settings, CamelHttpTransport.standaloneContext(), clock);
    }

    /** The app's client: its calls go through the app's own camel-http components and their settings. */
    public static AirbyteClient create(AirbyteSettings settings, CamelContext context) {
        return create(settings, context, Clock.systemUTC());
    }

    private static AirbyteClient create(AirbyteSettings settings, CamelContext context, Clock clock) {
        CamelHttpTransport transport =
                new CamelHttpTransport(context, settings.connectTimeout(), settings.requestTimeout(), settings.tls());
        AirbyteHttp http = new AirbyteHttp(settings, transport, AirbyteAuth.from(settings, transport, clock), clock);
        return switch (settings.flavour()) {
            case PUBLIC -> new PublicApiClient(settings, http);
            case CONFIG -> new ConfigApiClient(settings, http);
        };
    }
}
