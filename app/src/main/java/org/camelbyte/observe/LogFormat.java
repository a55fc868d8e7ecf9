package org.camelbyte.observe;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code log.format} ({@code text} or {@code json}) once the settings are read: logback.xml picks
 * the format from a system property or the environment at JVM start, before application.properties is
 * known, so a format set there reloads logback.xml with it.
 */
public final class LogFormat {
    /** The logback.xml property holding the format it chose. */
    static final String CHOSEN = "LOG_FORMAT_CHOSEN";

    private static final Set<String> FORMATS = Set.of("text", "json");

    private LogFormat() {}

    public static void apply(String format) {
        String wanted = format.trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(wanted)) {
            throw new IllegalArgumentException("log.format is '" + format + "'; set it to text or json.");
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext logback)
                || wanted.equals(logback.getProperty(CHOSEN))) {
            return;
        }
        URL config = LogFormat.class.getClassLoader().getResource("logback.xml");
        if (config == null) {
            return;
        }
        logback.reset();
        logback.putProperty("log.format", wanted);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logback);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException(
                    "Reloading logback.xml for log.format = " + wanted + " failed: " + e.getMessage(), e);
        }
    }
}
