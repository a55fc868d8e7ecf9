package org.camelbyte.airbyte;

import java.time.Duration;
import org.camelbyte.standin.AirbyteStandIn;

/** Client settings pointing at a running stand-in, in either API flavour. */
final class StandInClients {
    private StandInClients() {}

    static AirbyteSettings.Builder settings(AirbyteStandIn standIn, ApiFlavour flavour) {
        return AirbyteSettings.builder()
                .flavour(flavour)
                .baseUrl(flavour == ApiFlavour.PUBLIC ? standIn.publicApiUrl() : standIn.configApiUrl())
                .requestTimeout(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(2));
    }

    static AirbyteClient client(AirbyteStandIn standIn, ApiFlavour flavour) {
        return AirbyteClients.create(settings(standIn, flavour).build());
    }
}
