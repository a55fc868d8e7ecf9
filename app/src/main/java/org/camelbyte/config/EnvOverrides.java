package org.camelbyte.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.MainHelper;

/**
 * Env vars overriding the keys of the config file. Camel's property placeholders already prefer an env
 * var ({@code airbyte.url} by {@code AIRBYTE_URL}), but Camel Main configures {@code camel.server.*},
 * {@code camel.management.*}, {@code camel.threadpool.*} and the like from the file alone; handing every
 * file key whose env var is set to Main as an override property makes the rule hold for all of them.
 */
public final class EnvOverrides {
    private EnvOverrides() {}

    /** The keys of {@code file} that {@code env} overrides, with the env values; empty if the file is missing. */
    public static Map<String, String> of(Path file, Map<String, String> env) {
        Properties keys = new Properties();
        if (Files.isReadable(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                keys.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("Config file " + file + " cannot be read: " + e.getMessage());
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String key : keys.stringPropertyNames()) {
            String value = env.get(MainHelper.toEnvVar(key));
            if (value != null) {
                overrides.put(key, value);
            }
        }
        return overrides;
    }
}
