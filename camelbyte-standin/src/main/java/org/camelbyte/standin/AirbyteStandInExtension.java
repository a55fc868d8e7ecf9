package org.camelbyte.standin;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stand-in for a JUnit 5 test: started before the tests and closed after them.
 *
 * <pre>{@code
 * @RegisterExtension
 * static AirbyteStandInExtension airbyte = AirbyteStandInExtension.withScenario(StandInScenario.demo());
 *
 * // then point the code under test at airbyte.publicApiUrl() or airbyte.configApiUrl()
 * }</pre>
 *
 * <p>In a static field it serves the whole class and its {@code @Nested} classes (started before all, closed
 * after all); in an instance
 * field each test gets a fresh one (started before each, closed after each), so no job of one test is seen
 * by the next.
 *
 * <p>JUnit is an optional dependency of the stand-in: a project using this class has JUnit Jupiter on its
 * test classpath already, and one that starts {@link AirbyteStandIn} by itself does not get JUnit from us.
 */
public final class AirbyteStandInExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final StandInScenario scenario;
    private final int port;
    private AirbyteStandIn standIn;
    // how many classes (the outer and its @Nested ones, which inherit a static field's extension) are inside
    // beforeAll: the first starts it, the last afterAll closes it, and the per-test callbacks leave it alone
    private int classes;

    private AirbyteStandInExtension(StandInScenario scenario, int port) {
        this.scenario = scenario;
        this.port = port;
    }

    /** A stand-in serving {@code scenario} on a free port. */
    public static AirbyteStandInExtension withScenario(StandInScenario scenario) {
        if (scenario == null) {
            throw new IllegalArgumentException("AirbyteStandInExtension needs a scenario, e.g. StandInScenario.demo()");
        }
        return new AirbyteStandInExtension(scenario, 0);
    }

    /** A stand-in serving the scenario written in {@code yaml} (the format of StandInMain's --scenario file). */
    public static AirbyteStandInExtension withScenario(String yaml) {
        return withScenario(StandInScenario.fromYaml(yaml));
    }

    /**
     * The same stand-in on a fixed port, for code that cannot be given a URL at run time; 0 (the default)
     * picks a free port, which lets tests run side by side.
     */
    public AirbyteStandInExtension onPort(int fixedPort) {
        return new AirbyteStandInExtension(scenario, fixedPort);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classes++ == 0) {
            start();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classes == 0) {
            stop();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (classes == 0) {
            start();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (classes == 0) {
            stop();
        }
    }

    /** The public API's base URL, e.g. {@code http://127.0.0.1:41234/api/public/v1}. */
    public String publicApiUrl() {
        return standIn().publicApiUrl();
    }

    /** The Config API's base URL, e.g. {@code http://127.0.0.1:41234/api/v1}. */
    public String configApiUrl() {
        return standIn().configApiUrl();
    }

    /** The port it listens on (127.0.0.1). */
    public int port() {
        return standIn().port();
    }

    /** The running stand-in, for what a test asks it beyond the URLs (jobs created, calls, faults). */
    public synchronized AirbyteStandIn standIn() {
        if (standIn == null) {
            throw new IllegalStateException("The Airbyte stand-in runs only while tests run: register the"
                    + " extension with @RegisterExtension and read its URLs from a test, a @BeforeEach or"
                    + " @BeforeAll method (or a Spring @DynamicPropertySource), not from a field initialiser.");
        }
        return standIn;
    }

    private void start() {
        standIn = AirbyteStandIn.start(scenario, port);
    }

    private void stop() {
        if (standIn != null) {
            standIn.close();
            standIn = null;
        }
    }
}
