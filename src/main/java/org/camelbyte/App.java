package org.camelbyte;

import java.nio.file.Path;
import org.apache.camel.main.Main;
import org.camelbyte.config.EnvOverrides;

/**
 * Starts the app with Camel Main: config/application.properties (every key overridable by an env var),
 * YAML routes from routes/, and the wiring in {@link Bootstrap}.
 */
public final class App {
    private App() {}

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        configure(main);
        main.run(args);
    }

    /** Shared with tests so they start exactly what users start. */
    public static void configure(Main main) {
        String config = System.getenv().getOrDefault("CAMELBYTE_CONFIG", "config/application.properties");
        main.setPropertyPlaceholderLocations("file:" + config);
        EnvOverrides.of(Path.of(config), System.getenv()).forEach(main::addOverrideProperty);
        main.addMainListener(new Bootstrap());
    }
}
