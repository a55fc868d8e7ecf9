package org.camelbyte.pipeline;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns a logical connection name ({@code mysql}) into the Airbyte connection's name in this environment
 * ({@code mysql (PROD)}), so one pipelines.yaml serves every environment. {@code {name}} is the logical
 * name, {@code {ENV}} and {@code {env}} the environment in upper and lower case.
 */
public record ConnectionNaming(String environment, String format) {
    public static final String DEFAULT_FORMAT = "{name} ({ENV})";

    public ConnectionNaming {
        if (!format.contains("{name}")) {
            throw new PipelineConfigException("pipelines.connection-name-format is '" + format
                    + "' but must contain {name}, e.g. " + DEFAULT_FORMAT + ".");
        }
        environment = environment == null || environment.isBlank() ? null : environment.trim();
    }

    public static ConnectionNaming withoutEnvironment() {
        return new ConnectionNaming(null, DEFAULT_FORMAT);
    }

    /** The Airbyte connection name, or empty when no environment is set to complete it. */
    public Optional<String> resolve(String logicalName) {
        if (environment == null) {
            return Optional.empty();
        }
        return Optional.of(format.replace("{name}", logicalName)
                .replace("{ENV}", environment.toUpperCase(Locale.ROOT))
                .replace("{env}", environment.toLowerCase(Locale.ROOT)));
    }
}
