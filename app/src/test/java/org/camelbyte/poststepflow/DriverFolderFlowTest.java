package org.camelbyte.poststepflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.camelbyte.app.TestApp;
import org.camelbyte.embedded.DriverFolder;
import org.camelbyte.flow.Runs;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A warehouse whose JDBC driver the app does not carry: H2's jar, which Maven copies to target/test-drivers/
 * and which is on no classpath of the tests, reaches the post-sync steps only through {@code drivers.dir}.
 */
class DriverFolderFlowTest {
    static final Path H2_JAR = Path.of("target/test-drivers/h2-2.3.232.jar");
    static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - name: items
                connection: orders (TEST)
                postSync:
                  dataSource: lake
                  checks:
                    - { type: row_count, table: SHOP.ITEMS, min: 3, max: 3 }
                    - { type: sql, name: no_negative_prices, query: "select count(*) from SHOP.ITEMS where PRICE < 0" }
            """;

    @TempDir
    static Path dir;

    static AirbyteStandIn standIn;
    static String h2Url;

    @BeforeAll
    static void start() throws Exception {
        assertThat(H2_JAR)
                .as("copied by maven-dependency-plugin in generate-test-resources")
                .exists();
        // a file database, not mem: the test's copy of H2 and the app's are two engines that share only files
        h2Url = "jdbc:h2:file:" + dir.resolve("lake").toAbsolutePath();
        try (URLClassLoader h2 =
                new URLClassLoader(new URL[] {H2_JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Driver driver = (Driver)
                    h2.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            Properties login = new Properties();
            login.setProperty("user", "sa");
            try (Connection c = driver.connect(h2Url, login);
                    Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA SHOP");
                st.execute("CREATE TABLE SHOP.ITEMS (ID INT PRIMARY KEY, PRICE DECIMAL(10, 2))");
                st.execute("INSERT INTO SHOP.ITEMS VALUES (1, 9.50), (2, 0), (3, 120)");
            }
        }
        standIn = AirbyteStandIn.start(StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
    }

    @AfterAll
    static void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }

    @Test
    void aDriverFromTheFolderRunsThePostSyncChecks() throws Exception {
        Path drivers = Files.createDirectories(dir.resolve("lib"));
        Files.copy(H2_JAR, drivers.resolve(H2_JAR.getFileName()));
        Files.writeString(drivers.resolve("broken.jar"), "not a zip: a download cut short");
        ListAppender<ILoggingEvent> log = listen();

        try (TestApp app = app(drivers).start()) {
            JsonNode run = Runs.awaitOutcome(app, app.startRun("items"));

            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
            JsonNode checks = run.at("/postSync/checks");
            assertThat(checks).hasSize(2);
            assertThat(checks)
                    .allSatisfy(check -> assertThat(check.path("passed").asBoolean())
                            .as(check.toString())
                            .isTrue());
            assertThat(checks.findValuesAsText("observed")).containsExactly("3 rows", "0");
        } finally {
            ((Logger) LoggerFactory.getLogger(DriverFolder.class)).detachAppender(log);
        }
        assertThat(onlyMessage(log, Level.INFO)).contains("org.h2.Driver", "h2-2.3.232.jar");
        assertThat(onlyMessage(log, Level.WARN)).contains("broken.jar", "cannot be read");
    }

    @Test
    void withoutTheDriverTheStartNamesTheUrlAndTheFolder() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-lib"));

        assertThatThrownBy(() -> app(empty).start())
                .hasStackTraceContaining("No JDBC driver accepts datasource.lake.jdbc-url (in"
                        + " config/application.properties or env DATASOURCE_LAKE_JDBC_URL) = " + h2Url)
                .hasStackTraceContaining("put the database's JDBC driver jar in " + empty.toAbsolutePath())
                .hasStackTraceContaining("lib/ by default, config key drivers.dir");
    }

    private static TestApp.Builder app(Path drivers) {
        return TestApp.with(standIn, PIPELINES)
                .property("drivers.dir", drivers.toString())
                .property("datasource.lake.jdbc-url", h2Url)
                .property("datasource.lake.username", "sa");
    }

    private static String onlyMessage(ListAppender<ILoggingEvent> log, Level level) {
        List<String> messages = log.list.stream()
                .filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(messages).as(level + " lines").hasSize(1);
        return messages.get(0);
    }

    private static ListAppender<ILoggingEvent> listen() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger logger = (Logger) LoggerFactory.getLogger(DriverFolder.class);
        // whatever level the app's logback.xml gives it, the INFO line about the loaded driver is what is asserted
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        return appender;
    }
}
