package org.camelbyte.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.camelbyte.airbyte.Durations;

/**
 * Typed reads of the app's own config keys through Camel's property placeholders, so every key comes
 * from config/application.properties and is overridden by an env var of the same name
 * ({@code airbyte.client-secret} by {@code AIRBYTE_CLIENT_SECRET}).
 */
public class Settings {
    private final CamelContext context;

    public Settings(CamelContext context) {
        this.context = context;
    }

    /** The context these settings are read from, for parts that build on its components (camel-http). */
    public CamelContext camelContext() {
        return context;
    }

    public Optional<String> get(String key) {
        return context.getPropertiesComponent()
                .resolveProperty(key)
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    }

    /**
     * A key whose default is in the shipped {@code config/application.properties}, the one place defaults
     * live: a config file without it stops the start with a sentence saying so.
     */
    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException("Config key " + describe(key) + " is not set;"
                + " the shipped config/application.properties sets its default: copy that line into " + files() + "."));
    }

    public int getInt(String key) {
        return parse(key, require(key), Integer::parseInt, "a whole number");
    }

    public double getDouble(String key) {
        return parse(key, require(key), Double::parseDouble, "a number");
    }

    public boolean getBoolean(String key) {
        return parse(key, require(key), Settings::strictBoolean, "true or false");
    }

    public Duration getDuration(String key) {
        return parse(key, require(key), Durations::parse, "a duration such as 30s or 5m");
    }

    /** Like {@link #getChoice(String, String, Function)} for a key whose default is in the properties file. */
    public <T> T getChoice(String key, Function<String, T> parser) {
        return getChoice(key, require(key), parser);
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        return get(key).map(v -> parse(key, v, Integer::parseInt, "a whole number"))
                .orElse(defaultValue);
    }

    public double getDouble(String key, double defaultValue) {
        return get(key).map(v -> parse(key, v, Double::parseDouble, "a number")).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(v -> parse(key, v, Settings::strictBoolean, "true or false"))
                .orElse(defaultValue);
    }

    public Duration getDuration(String key, Duration defaultValue) {
        return get(key).map(v -> parse(key, v, Durations::parse, "a duration such as 30s or 5m"))
                .orElse(defaultValue);
    }

    /**
     * A value read by {@code parser} (an enum's parse, say), whose refusal becomes a startup error naming
     * the key and where it came from, followed by the parser's own sentence on what is expected.
     */
    public <T> T getChoice(String key, String defaultValue, Function<String, T> parser) {
        String value = get(key, defaultValue);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Config key " + describe(key) + " is '" + value + "': " + e.getMessage());
        }
    }

    /** The key with where a person would change it: the config file or its env var. */
    public String describe(String key) {
        String env = envName(key);
        if (System.getenv(env) != null) {
            return key + " (from env " + env + ")";
        }
        return key + " (in " + files() + " or env " + env + ")";
    }

    /** The config files keys are read from. */
    public String files() {
        return context.getPropertiesComponent().getLocations().stream()
                .map(location -> location.replaceFirst("^(file|classpath|ref):", ""))
                .collect(Collectors.joining(", "));
    }

    /** The env var Camel reads for a key: upper case, '.' and '-' as '_'. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * A secret: the value of {@code key} (normally from its env var), or the content of the file named by
     * {@code key-file}; never logged.
     */
    public Optional<String> secret(String key) {
        Optional<String> direct = get(key);
        if (direct.isPresent()) {
            return direct;
        }
        return get(key + "-file").map(file -> {
            try {
                return Files.readString(Path.of(file)).trim();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "Config key " + describe(key + "-file") + " names " + file + ", which cannot be read ("
                                + e.getClass().getSimpleName() + "); fix the path or its permissions.");
            }
        });
    }

    private static boolean strictBoolean(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(v);
    }

    private <T> T parse(String key, String value, Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Config key " + describe(key) + " is '" + value + "' but must be " + expected + ".");
        }
    }
}
