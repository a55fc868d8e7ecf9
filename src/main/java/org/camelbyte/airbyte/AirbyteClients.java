package org.camelbyte.airbyte;

import java.net.http.HttpClient;
import java.time.Clock;

/** Builds the client for an Airbyte instance's API flavour, sharing one HTTP pool per instance. */
public final class AirbyteClients {
    private AirbyteClients() {}

    public static AirbyteClient create(AirbyteSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    /** With a clock of the caller's, so token renewal can be tested without waiting. */
    public static AirbyteClient create(AirbyteSettings settings, Clock clock) {
        HttpClient httpClient = SharedHttpClients.forInstance(settings.baseUrl(), settings.connectTimeout(), settings.tls());
        AirbyteHttp http = new AirbyteHttp(settings, httpClient, AirbyteAuth.from(settings, httpClient, clock), clock);
        return switch (settings.flavour()) {
            case PUBLIC -> new PublicApiClient(settings, http);
            case CONFIG -> new ConfigApiClient(settings, http);
        };
    }
}
