package org.camelbyte.embedded;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * JDBC drivers the app's jar does not carry (Snowflake, Oracle, DuckDB, ...), read from the {@code *.jar}
 * files of {@code drivers.dir} at start, so a warehouse needs a copied jar and a restart, not a rebuild.
 * Closing it deregisters them, so a later start in the same JVM (the tests) sees only its own folder.
 */
public final class DriverFolder implements AutoCloseable {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(DriverFolder.class);

    private final URLClassLoader loader;
    private final List<Driver> registered;

    private DriverFolder(URLClassLoader loader, List<Driver> registered) {
        this.loader = loader;
        this.registered = registered;
    }

    /** Registers every driver the folder's jars declare; a folder that does not exist holds none. */
    public static DriverFolder load(Path dir) {
        List<URL> jars = readableJars(dir);
        if (jars.isEmpty()) {
            return new DriverFolder(null, List.of());
        }
        URLClassLoader loader =
                new URLClassLoader("drivers-dir", jars.toArray(URL[]::new), DriverFolder.class.getClassLoader());
        List<Driver> registered = new ArrayList<>();
        Iterator<Driver> found = ServiceLoader.load(Driver.class, loader).iterator();
        while (hasNext(found, dir)) {
            Driver driver;
            try {
                driver = found.next();
            } catch (ServiceConfigurationError e) {
                LOG.warn(
                        "A JDBC driver in {} could not be loaded and is skipped: {}",
                        dir.toAbsolutePath(),
                        e.getMessage());
                continue;
            }
            // the loader's parent also answers with the app's own drivers, which DriverManager has already
            if (driver.getClass().getClassLoader() != loader) {
                continue;
            }
            Driver shim = new VisibleDriver(driver);
            try {
                DriverManager.registerDriver(shim);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "Could not register the JDBC driver "
                                + driver.getClass().getName() + " from " + dir.toAbsolutePath() + ": " + e.getMessage(),
                        e);
            }
            registered.add(shim);
            LOG.info(
                    "Loaded JDBC driver {} {}.{} from {}",
                    driver.getClass().getName(),
                    driver.getMajorVersion(),
                    driver.getMinorVersion(),
                    driver.getClass()
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .getPath());
        }
        return new DriverFolder(loader, registered);
    }

    private static boolean hasNext(Iterator<Driver> found, Path dir) {
        try {
            return found.hasNext();
        } catch (ServiceConfigurationError e) {
            LOG.warn("The JDBC drivers listed in {} could not all be read: {}", dir.toAbsolutePath(), e.getMessage());
            return false;
        }
    }

    private static List<URL> readableJars(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.debug(
                    "No drivers folder {}: only the JDBC drivers in the app's jar are available", dir.toAbsolutePath());
            return List.of();
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList()) {
                // a truncated download or a file without read permission: say which, and start with the others
                try (JarFile ignored = new JarFile(file.toFile())) {
                    jars.add(file.toUri().toURL());
                } catch (IOException | SecurityException e) {
                    LOG.warn(
                            "The jar {} in the drivers folder cannot be read ({}), so its JDBC driver is not loaded.",
                            file.toAbsolutePath(),
                            e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn(
                    "The drivers folder {} cannot be listed ({}), so no driver is loaded from it.",
                    dir,
                    e.getMessage());
        }
        return jars;
    }

    @Override
    public void close() throws IOException {
        for (Driver driver : registered) {
            try {
                DriverManager.deregisterDriver(driver);
            } catch (SQLException e) {
                LOG.debug("Could not deregister {}", driver, e);
            }
        }
        if (loader != null) {
            loader.close();
        }
    }

    /**
     * DriverManager hands a driver only to callers whose class loader can see the driver's class, which the
     * app's classes (and HikariCP) cannot for one from the folder's loader; this class is the app's own.
     */
    private static final class VisibleDriver implements Driver {
        private final Driver delegate;

        VisibleDriver(Driver delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            return delegate.connect(url, info);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return delegate.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return delegate.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return delegate.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return delegate.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return delegate.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public String toString() {
            return delegate.getClass().getName() + " (drivers folder)";
        }
    }
}
