package org.camelbyte.airbyte;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Airbyte instance. Secrets (password, token, client secret) come from the caller,
 * typically from environment variables; {@link #toString()} never prints them.
 *
 * @param workspace optional workspace name or id; when set, only its connections are listed
 * @param tokenUrl where client credentials are exchanged for a token; derived from baseUrl when null
 * @param tls which certificates an https baseUrl may present; the JVM's trusted CAs when null
 */
public record AirbyteSettings(
        ApiFlavour flavour,
        URI baseUrl,
        AuthMode authMode,
        String username,
        String password,
        String token,
        String clientId,
        String clientSecret,
        URI tokenUrl,
        String workspace,
        Duration requestTimeout,
        Duration connectTimeout,
        WorkspaceListing workspaceListing,
        Duration lookupCacheTtl,
        AirbyteTls tls) {

    private static final String CONFIG_API_SUFFIX = "/api/v1";
    private static final String PUBLIC_API_SUFFIX = "/api/public/v1";

    public AirbyteSettings {
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(authMode, "authMode");
        baseUrl = withoutTrailingSlash(baseUrl);
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(60) : requestTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        workspaceListing = workspaceListing == null ? WorkspaceListing.AUTO : workspaceListing;
        lookupCacheTtl = lookupCacheTtl == null ? Duration.ofMinutes(5) : lookupCacheTtl;
        tls = tls == null ? AirbyteTls.DEFAULT : tls;
        workspace = workspace == null || workspace.isBlank() ? null : workspace.trim();
        tokenUrl = tokenUrl == null ? URI.create(publicBase(baseUrl) + "/applications/token") : tokenUrl;
        requireCredentials(authMode, username, password, token, clientId, clientSecret);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    /** The public API sits beside the Config API on self-managed Airbyte, so its token endpoint does too. */
    /**
     * Which Airbyte instance this is, as a run record notes it next to its job id: job ids are only unique
     * within one instance (and one state database pointed at a new Airbyte meets the same ids again).
     */
    public String instance() {
        return instanceCalled(baseUrl.toString());
    }

    /** The instance of a server known by {@code server} rather than by its URL (the embedded stand-in's id). */
    public String instanceCalled(String server) {
        return server + (workspace == null ? "" : " workspace " + workspace);
    }

    private static String publicBase(URI baseUrl) {
        String text = baseUrl.toString();
        if (text.endsWith(CONFIG_API_SUFFIX)) {
            return text.substring(0, text.length() - CONFIG_API_SUFFIX.length()) + PUBLIC_API_SUFFIX;
        }
        return text;
    }

    private static void requireCredentials(
            AuthMode mode, String username, String password, String token, String clientId, String clientSecret) {
        switch (mode) {
            case BASIC -> requirePresent(mode, "username", username, "password", password);
            case BEARER -> requirePresent(mode, "token", token, "token", token);
            case CLIENT_CREDENTIALS -> requirePresent(mode, "clientId", clientId, "clientSecret", clientSecret);
            case NONE -> {}
        }
    }

    private static void requirePresent(
            AuthMode mode, String firstName, String first, String secondName, String second) {
        if (first == null || first.isBlank() || second == null || second.isBlank()) {
            boolean one = firstName.equals(secondName);
            throw new IllegalArgumentException("Airbyte auth mode " + mode.wireName() + " needs " + firstName
                    + (one ? "; set it" : " and " + secondName + "; set both") + " or choose another auth mode.");
        }
    }

    @Override
    public String toString() {
        return "AirbyteSettings[flavour=" + flavour.wireName()
                + ", baseUrl=" + baseUrl
                + ", authMode=" + authMode.name().toLowerCase()
                + ", username=" + username
                + ", password=" + Redaction.mask(password)
                + ", token=" + Redaction.mask(token)
                + ", clientId=" + clientId
                + ", clientSecret=" + Redaction.mask(clientSecret)
                + ", tokenUrl=" + tokenUrl
                + ", workspace=" + workspace
                + ", requestTimeout=" + requestTimeout
                + ", connectTimeout=" + connectTimeout
                + ", workspaceListing=" + workspaceListing.name().toLowerCase()
                + ", lookupCacheTtl=" + lookupCacheTtl
                + ", tls=" + tls + "]";
    }

    public static final class Builder {
        private ApiFlavour flavour = ApiFlavour.PUBLIC;
        private URI baseUrl;
        private AuthMode authMode = AuthMode.NONE;
        private String username;
        private String password;
        private String token;
        private String clientId;
        private String clientSecret;
        private URI tokenUrl;
        private String workspace;
        private Duration requestTimeout;
        private Duration connectTimeout;
        private WorkspaceListing workspaceListing;
        private Duration lookupCacheTtl;
        private AirbyteTls tls;

        private Builder() {}

        public Builder flavour(ApiFlavour flavour) {
            this.flavour = flavour;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = URI.create(baseUrl);
            return this;
        }

        public Builder noAuth() {
            this.authMode = AuthMode.NONE;
            return this;
        }

        public Builder basicAuth(String username, String password) {
            this.authMode = AuthMode.BASIC;
            this.username = username;
            this.password = password;
            return this;
        }

        public Builder bearerToken(String token) {
            this.authMode = AuthMode.BEARER;
            this.token = token;
            return this;
        }

        public Builder clientCredentials(String clientId, String clientSecret) {
            this.authMode = AuthMode.CLIENT_CREDENTIALS;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /** For settings read field by field (properties, env); the helpers above set mode and secrets together. */
        public Builder authMode(AuthMode authMode) {
            this.authMode = authMode;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl == null || tokenUrl.isBlank() ? null : URI.create(tokenUrl);
            return this;
        }

        public Builder workspace(String workspace) {
            this.workspace = workspace;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder workspaceListing(WorkspaceListing workspaceListing) {
            this.workspaceListing = workspaceListing;
            return this;
        }

        public Builder lookupCacheTtl(Duration lookupCacheTtl) {
            this.lookupCacheTtl = lookupCacheTtl;
            return this;
        }

        public Builder tls(AirbyteTls tls) {
            this.tls = tls;
            return this;
        }

        public AirbyteSettings build() {
            return new AirbyteSettings(
                    flavour,
                    baseUrl,
                    authMode,
                    username,
                    password,
                    token,
                    clientId,
                    clientSecret,
                    tokenUrl,
                    workspace,
                    requestTimeout,
                    connectTimeout,
                    workspaceListing,
                    lookupCacheTtl,
                    tls);
        }
    }
}
