package org.camelbyte.airbyte;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which servers the Airbyte client trusts over HTTPS: the JVM's trusted CAs, or those in a trust store,
 * or (verify off) any certificate for any host name.
 *
 * @param trustStore a trust store file; null for the JVM's default CAs
 * @param trustStorePassword may be null: a trust store holding only certificates needs none to be read
 * @param trustStoreType PKCS12 when null
 * @param verify false trusts every certificate and host name
 */
public record AirbyteTls(Path trustStore, String trustStorePassword, String trustStoreType, boolean verify) {
    public static final AirbyteTls DEFAULT = new AirbyteTls(null, null, null, true);

    public AirbyteTls {
        trustStoreType = trustStoreType == null || trustStoreType.isBlank() ? "PKCS12" : trustStoreType.trim();
    }

    /** Built once per HTTP pool; a trust store that cannot be read fails here, at startup. */
    public SSLContext sslContext() {
        try {
            TrustManager[] trustManagers = trustManagers();
            return trustManagers == null ? SSLContext.getDefault() : contextTrusting(trustManagers);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "The TLS setup for Airbyte cannot be built (" + e.getMessage() + ").", e);
        }
    }

    /** Who is trusted, or null for the JVM's default CAs; a trust store that cannot be read fails here. */
    public TrustManager[] trustManagers() {
        try {
            if (!verify) {
                return new TrustManager[] {new TrustingEveryone()};
            }
            if (trustStore == null) {
                return null;
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(load());
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "The TLS setup for Airbyte cannot be built (" + e.getMessage() + ").", e);
        }
    }

    private KeyStore load() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(trustStoreType);
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, trustStorePassword == null ? null : trustStorePassword.toCharArray());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "The trust store " + trustStore + " cannot be read as " + trustStoreType + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); check its path, type and password.",
                    e);
        }
        if (store.size() == 0) {
            throw new IllegalArgumentException("The trust store " + trustStore
                    + " holds no certificates; add the CA that" + " signed Airbyte's certificate.");
        }
        return store;
    }

    private static SSLContext contextTrusting(TrustManager[] trustManagers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers, null);
        return context;
    }

    @Override
    public String toString() {
        return "AirbyteTls[trustStore=" + trustStore + ", trustStorePassword=" + Redaction.mask(trustStorePassword)
                + ", trustStoreType=" + trustStoreType + ", verify=" + verify + "]";
    }

    /**
     * Accepts any certificate. An extended trust manager also owns the host name check, which the JDK
     * would otherwise add around a plain one, so this skips that too.
     */
    private static final class TrustingEveryone extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
