package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client over HTTPS: certificates and host names are checked unless verification is turned off. */
class TlsTest {
    @TempDir
    static Path dir;

    static AirbyteStandIn standIn;
    static TlsServer rightName;
    static TlsServer wrongName;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.demo(), 0);
        String plainBase = "http://127.0.0.1:" + standIn.port();
        rightName = TlsServer.forwardingTo(plainBase, dir, "ip:127.0.0.1,dns:localhost");
        wrongName = TlsServer.forwardingTo(plainBase, dir, "dns:airbyte.example.invalid");
    }

    @AfterAll
    static void stop() {
        rightName.close();
        wrongName.close();
        standIn.close();
    }

    @Test
    void theJvmsCasDoNotTrustAnUnknownCertificate() {
        AirbyteClient client = client(rightName.url("localhost"), AirbyteTls.DEFAULT);

        assertThatThrownBy(client::listConnections)
                .isInstanceOf(AirbyteUnavailableException.class)
                .hasMessageContaining("SSLHandshakeException");
    }

    @Test
    void aTrustStoreHoldingTheCertificateIsTrusted() throws Exception {
        Path trustStore = rightName.trustStore(dir.resolve("trust.p12"), "trust-pass");

        AirbyteClient client = client(rightName.url("localhost"), new AirbyteTls(trustStore, "trust-pass", null, true));

        assertThat(client.listConnections()).isNotEmpty();
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        Path trustStore = wrongName.trustStore(dir.resolve("trust-wrong-name.p12"), "trust-pass");

        AirbyteClient client = client(wrongName.url("localhost"), new AirbyteTls(trustStore, "trust-pass", null, true));

        assertThatThrownBy(client::listConnections)
                .isInstanceOf(AirbyteUnavailableException.class)
                .hasMessageContaining("SSLHandshakeException");
    }

    @Test
    void verificationOffTrustsAnyCertificateForAnyHost() {
        AirbyteClient client = client(wrongName.url("localhost"), new AirbyteTls(null, null, null, false));

        assertThat(client.listConnections()).isNotEmpty();
    }

    @Test
    void anEmptyTrustStoreIsRefusedAtBuildTime() throws Exception {
        Path empty = dir.resolve("empty.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var out = Files.newOutputStream(empty)) {
            store.store(out, "pw".toCharArray());
        }

        assertThatThrownBy(() -> new AirbyteTls(empty, "pw", null, true).sslContext())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no certificates");
    }

    @Test
    void aWrongTrustStorePasswordIsRefusedWithTheFile() throws Exception {
        Path trustStore = rightName.trustStore(dir.resolve("trust-pw.p12"), "trust-pass");

        assertThatThrownBy(() -> new AirbyteTls(trustStore, "wrong", null, true).sslContext())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(trustStore.toString())
                .hasMessageNotContaining("wrong");
    }

    private static AirbyteClient client(String url, AirbyteTls tls) {
        return AirbyteClients.create(AirbyteSettings.builder()
                .baseUrl(url)
                .tls(tls)
                .requestTimeout(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(2))
                .build());
    }
}
