package org.camelbyte.component;

import org.apache.camel.Converter;
import org.camelbyte.airbyte.ApiFlavour;
import org.camelbyte.airbyte.AuthMode;
import org.camelbyte.airbyte.JobType;

/**
 * Reads the component's enum options as users write them ({@code client_credentials}, {@code client-credentials},
 * {@code reset}), with the component's own sentence for a value that is none of them: Camel's enum fallback
 * would answer only that the enum class has no such constant. Loaded through the generated loader.
 */
@Converter(generateLoader = true)
public final class AirbyteConverters {
    private AirbyteConverters() {}

    @Converter
    public static ApiFlavour toApiFlavour(String value) {
        return ApiFlavour.parse(value);
    }

    @Converter
    public static AuthMode toAuthMode(String value) {
        return AuthMode.parse(value);
    }

    @Converter
    public static JobType toJobType(String value) {
        return JobType.parse(value);
    }
}
