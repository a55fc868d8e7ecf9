package org.camelbyte;

import java.nio.file.Path;
import org.apache.camel.main.Main;
import org.apache.camel.main.SimpleMainShutdownStrategy;
import org.camelbyte.config.EnvOverrides;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the app with Camel Main: config/application.properties (every key overridable by an env var),
 * YAML routes from routes/, and the wiring in {@link Bootstrap}; stops it in order on SIGTERM or Ctrl-C
 * ({@link OrderlyStop}), and ends the JVM with a status that is not 0 when the start failed.
 */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private App() {}

    public static void main(String[] args) {
        Main main = new Main();
        Bootstrap bootstrap = configure(main);
        // without Camel's JVM hook, which returns once the context has stopped: ours waits for the whole stop
        // (leases, broker, PostgreSQL). Its disableHangupSupport() still installs the hook in Camel 4.18.
        main.setShutdownStrategy(new SimpleMainShutdownStrategy());
        OrderlyStop stop = new OrderlyStop(main, bootstrap::gracePeriod);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::onJvmShutdown, "camelbyte-stop"));
        int status;
        try {
            main.run(args);
            status = main.getExitCode() == Integer.MIN_VALUE ? 0 : main.getExitCode();
        } catch (Exception e) {
            // the one sentence of the start error; the stack trace only at DEBUG, it says nothing more to an operator
            LOG.error("The app did not start: {}", startError(e));
            LOG.debug("Start failure", e);
            bootstrap.closeAll();
            status = 1;
        }
        stop.exit(status);
    }

    /** Shared with tests so they start exactly what users start. */
    public static Bootstrap configure(Main main) {
        String config = System.getenv().getOrDefault("CAMELBYTE_CONFIG", "config/application.properties");
        main.setPropertyPlaceholderLocations("file:" + config);
        EnvOverrides.of(Path.of(config), System.getenv()).forEach(main::addOverrideProperty);
        Bootstrap bootstrap = new Bootstrap();
        main.addMainListener(bootstrap);
        return bootstrap;
    }

    /**
     * Our start errors are sentences naming the key and what to do, which Camel may wrap: the first one our
     * code threw, else the innermost cause.
     */
    private static String startError(Throwable e) {
        Throwable t = e;
        while (true) {
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0 && trace[0].getClassName().startsWith("org.camelbyte.") && t.getMessage() != null) {
                return t.getMessage();
            }
            if (t.getCause() == null || t.getCause() == t) {
                return t.getMessage() != null ? t.getMessage() : t.toString();
            }
            t = t.getCause();
        }
    }
}
