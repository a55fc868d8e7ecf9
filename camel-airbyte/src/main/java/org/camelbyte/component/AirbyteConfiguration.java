package org.camelbyte.component;

import java.time.Duration;
import java.util.Objects;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.camelbyte.airbyte.AirbyteSettings;
import org.camelbyte.airbyte.ApiFlavour;
import org.camelbyte.airbyte.AuthMode;
import org.camelbyte.airbyte.Durations;
import org.camelbyte.airbyte.Redaction;

/**
 * Which Airbyte the component talks to and how it signs in: set on the component as
 * {@code camel.component.airbyte.base-url}, {@code camel.component.airbyte.auth-mode}, ... and copied into every
 * endpoint, whose URI may override any of them ({@code airbyte:sync?baseUrl=...}). Two equal configurations share
 * one client, so equals and hashCode cover every option (secrets included); toString shows none of the secrets.
 * Inside the Camelbyte app the component takes the app's own client (the {@code airbyte.*} keys) and these stay
 * unset.
 */
@UriParams
public class AirbyteConfiguration implements Cloneable {
    @UriParam(
            label = "common",
            description = "The Airbyte API base URL, e.g. https://api.airbyte.com/v1 or http://host:8000/api/public/v1"
                    + " (public) or http://host:8000/api/v1 (config). Required unless the host application binds its"
                    + " own client.")
    private String baseUrl;

    @UriParam(
            label = "common",
            defaultValue = "public",
            enums = "public,config",
            description = "The API flavour the base URL speaks: public (the public REST API) or config (the Config"
                    + " API of self-managed Airbyte).")
    private ApiFlavour api = ApiFlavour.PUBLIC;

    @UriParam(
            label = "security",
            defaultValue = "none",
            enums = "none,basic,bearer,client_credentials",
            description = "How to sign in: none, basic (username and password), bearer (token) or client_credentials"
                    + " (clientId and clientSecret of an Airbyte application).")
    private AuthMode authMode = AuthMode.NONE;

    @UriParam(label = "security", description = "The user of basic auth.")
    private String username;

    @UriParam(label = "security", secret = true, description = "The password of basic auth.")
    @Metadata(secret = true)
    private String password;

    @UriParam(label = "security", secret = true, description = "The bearer token.")
    @Metadata(secret = true)
    private String token;

    @UriParam(label = "security", description = "The client id of an Airbyte application (client_credentials).")
    private String clientId;

    @UriParam(
            label = "security",
            secret = true,
            description = "The client secret of an Airbyte application (client_credentials). Tokens are renewed at"
                    + " 80% of their lifetime, and once after a 401.")
    @Metadata(secret = true)
    private String clientSecret;

    @UriParam(label = "security", description = "The token endpoint; defaults to the public API's /applications/token.")
    private String tokenUrl;

    @UriParam(
            label = "common",
            description = "Only connections of this workspace (name or id); all visible workspaces when unset.")
    private String workspace;

    @UriParam(
            label = "advanced",
            defaultValue = "30s",
            javaType = "java.time.Duration",
            description = "How long one call may wait for Airbyte's answer (camel-http's response timeout): 500ms,"
                    + " 30s, 10m, 1h30m or PT10M.")
    private Duration requestTimeout = Duration.ofSeconds(30);

    @UriParam(
            label = "advanced",
            defaultValue = "10s",
            javaType = "java.time.Duration",
            description = "How long opening a connection to Airbyte may take: 500ms, 30s, 10m or PT10M.")
    private Duration connectTimeout = Duration.ofSeconds(10);

    @UriParam(
            label = "advanced",
            defaultValue = "5m",
            javaType = "java.time.Duration",
            description = "How long the connection list is reused for name lookups (a miss refreshes it at once):"
                    + " 30s, 5m, 1h or PT5M.")
    private Duration lookupCacheTtl = Duration.ofMinutes(5);

    /**
     * The client settings these make; a missing or contradicting value is refused with one sentence naming the
     * option. {@code where} says how the user wrote them ("the airbyte component", "endpoint airbyte:sync?...").
     */
    AirbyteSettings toSettings(String where) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException(where + " has no baseUrl; set camel.component.airbyte.base-url (or"
                    + " the endpoint option baseUrl) to the Airbyte API URL, e.g. http://host:8000/api/public/v1.");
        }
        positive(where, "requestTimeout", requestTimeout);
        positive(where, "connectTimeout", connectTimeout);
        positive(where, "lookupCacheTtl", lookupCacheTtl);
        try {
            return AirbyteSettings.builder()
                    .flavour(api)
                    .baseUrl(baseUrl)
                    .authMode(authMode)
                    .username(username)
                    .password(password)
                    .token(token)
                    .clientId(clientId)
                    .clientSecret(clientSecret)
                    .tokenUrl(tokenUrl)
                    .workspace(workspace)
                    .requestTimeout(requestTimeout)
                    .connectTimeout(connectTimeout)
                    .lookupCacheTtl(lookupCacheTtl)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Camel reads a text that is no duration as zero (and a negative one too): a zero here is such a text, or
     * a zero written, which no option means, so both are refused.
     */
    static void positive(String where, String option, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(where + ": the option " + option + " is "
                    + (value == null ? "unset" : Durations.format(value) + " (or no duration)")
                    + "; write a positive duration such as 500ms, 30s, 10m, 1h30m or PT10M.");
        }
    }

    public AirbyteConfiguration copy() {
        try {
            return (AirbyteConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public ApiFlavour getApi() {
        return api;
    }

    public void setApi(ApiFlavour api) {
        this.api = api;
    }

    public AuthMode getAuthMode() {
        return authMode;
    }

    public void setAuthMode(AuthMode authMode) {
        this.authMode = authMode;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getWorkspace() {
        return workspace;
    }

    public void setWorkspace(String workspace) {
        this.workspace = workspace;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getLookupCacheTtl() {
        return lookupCacheTtl;
    }

    public void setLookupCacheTtl(Duration lookupCacheTtl) {
        this.lookupCacheTtl = lookupCacheTtl;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AirbyteConfiguration other)) {
            return false;
        }
        return Objects.equals(baseUrl, other.baseUrl)
                && api == other.api
                && authMode == other.authMode
                && Objects.equals(username, other.username)
                && Objects.equals(password, other.password)
                && Objects.equals(token, other.token)
                && Objects.equals(clientId, other.clientId)
                && Objects.equals(clientSecret, other.clientSecret)
                && Objects.equals(tokenUrl, other.tokenUrl)
                && Objects.equals(workspace, other.workspace)
                && Objects.equals(requestTimeout, other.requestTimeout)
                && Objects.equals(connectTimeout, other.connectTimeout)
                && Objects.equals(lookupCacheTtl, other.lookupCacheTtl);
    }

    @Override
    public int hashCode() {
        // secrets left out: equal configurations still hash alike, and a hash never tells anything of a secret
        return Objects.hash(
                baseUrl,
                api,
                authMode,
                username,
                clientId,
                tokenUrl,
                workspace,
                requestTimeout,
                connectTimeout,
                lookupCacheTtl);
    }

    @Override
    public String toString() {
        return "AirbyteConfiguration[baseUrl=" + baseUrl + ", api=" + api.wireName() + ", authMode="
                + authMode.wireName()
                + ", username=" + username + ", password=" + Redaction.mask(password) + ", token="
                + Redaction.mask(token) + ", clientId=" + clientId + ", clientSecret=" + Redaction.mask(clientSecret)
                + ", workspace=" + workspace + "]";
    }
}
