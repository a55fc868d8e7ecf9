package org.camelbyte.airbyte;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * HTTPS in front of a plain-http stand-in, with a self-signed certificate made by the JDK's keytool for
 * the host names given, as a TLS-terminating proxy in front of Airbyte would be.
 */
final class TlsServer implements AutoCloseable {
    private static final String PASSWORD = "server-pass";
    private static final HttpClient PLAIN = HttpClient.newHttpClient();
    private final HttpsServer server;
    private final Path keyStore;

    private TlsServer(HttpsServer server, Path keyStore) {
        this.server = server;
        this.keyStore = keyStore;
    }

    static TlsServer forwardingTo(String plainBase, Path dir, String subjectAltNames) throws Exception {
        Path keyStore = dir.resolve("server-" + System.nanoTime() + ".p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "airbyte",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=airbyte-test",
                        "-ext",
                        "SAN=" + subjectAltNames,
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException(
                    "keytool failed: " + new String(keytool.getInputStream().readAllBytes()));
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> forward(exchange, plainBase));
        server.start();
        return new TlsServer(server, keyStore);
    }

    /** The base URL with {@code host} in it, the public API path of the stand-in behind. */
    String url(String host) {
        return "https://" + host + ":" + server.getAddress().getPort() + "/api/public/v1";
    }

    /** A PKCS12 trust store holding only this server's certificate. */
    Path trustStore(Path file, String password) throws Exception {
        Certificate certificate = load(keyStore).getCertificate("airbyte");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("airbyte", certificate);
        try (var out = Files.newOutputStream(file)) {
            trust.store(out, password.toCharArray());
        }
        return file;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void forward(HttpExchange exchange, String plainBase) throws IOException {
        try (exchange) {
            URI target = URI.create(plainBase + exchange.getRequestURI());
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .method(
                            exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(
                                    exchange.getRequestBody().readAllBytes()));
            for (String header : List.of("Authorization", "Content-Type", "Accept")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response = PLAIN.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(
                    response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
