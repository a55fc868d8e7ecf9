package org.camelbyte.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.camelbyte.app.FreePort;
import org.camelbyte.app.TestPostgres;
import org.camelbyte.embedded.EmbeddedBroker;
import org.junit.jupiter.api.Test;

/**
 * A port the app must listen on is taken: the app (a child JVM, as users run it) ends at once with a status
 * that is not 0 and one sentence naming the port and the key to change, instead of running without its API
 * or its broker. Logs in target/taken-port/.
 */
class TakenPortTest {

    @Test
    void aTakenHttpPortStopsTheStartNamingThePortAndItsKey() throws Exception {
        assertRefused("CAMEL_SERVER_PORT", "camel.server.port");
    }

    @Test
    void aTakenBrokerPortStopsTheStartNamingThePortAndItsKey() throws Exception {
        assertRefused("BROKER_EMBEDDED_PORT", "broker.embedded.port");
    }

    /** A port taken between the check and the bind: Artemis would log it and run on without the acceptor. */
    @Test
    void theEmbeddedBrokerRefusesAPortItCouldNotBind() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", 0));
            int port = taken.getLocalPort();
            Path dataDir = Files.createTempDirectory("camelbyte-taken-broker-port");
            assertThatThrownBy(() -> EmbeddedBroker.start(dataDir, "localhost", port))
                    .hasMessage("Port " + port + " (broker.embedded.port) is already in use on localhost; stop what"
                            + " holds it or set broker.embedded.port to a free port, or broker.url to an external"
                            + " broker.");
        }
    }

    private static void assertRefused(String envVar, String key) throws Exception {
        Path log = Path.of("target", "taken-port", key + ".log");
        Files.deleteIfExists(log);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            Path dataDir = Files.createTempDirectory("camelbyte-taken-port");
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "STATE_JDBC_URL", TestPostgres.newDatabase("taken"),
                    "DATA_DIR", dataDir.toString(),
                    "BROKER_EMBEDDED_PORT", String.valueOf(FreePort.find())));
            env.put(envVar, String.valueOf(port));
            long start = System.nanoTime();
            try (ChildApp app = ChildApp.start(env, log)) {
                OptionalInt status = app.exitWithin(Duration.ofSeconds(15));
                long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
                System.out.printf("taken %s %d: exit status %s after %d ms%n", key, port, status, took);
                assertThat(status).as("exit status within 15 s").isPresent();
                assertThat(status.getAsInt()).as("exit status").isNotZero();
            }
            assertThat(Files.readAllLines(log))
                    .as("the app's log")
                    .anySatisfy(line -> assertThat(line)
                            .contains("Port " + port + " (" + key + ") is already in use")
                            .contains("set " + key));
        }
    }
}
