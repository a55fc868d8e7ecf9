package org.camelbyte.component;

import java.time.Duration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.camelbyte.airbyte.AirbyteSettings;
import org.camelbyte.airbyte.ApiFlavour;
import org.camelbyte.airbyte.AuthMode;
import org.camelbyte.airbyte.Durations;

/**
 * Which Airbyte the component talks to and how it signs in, set once on the component. Inside the
 * Camelbyte app the component takes the app's own client (the {@code airbyte.*} keys) and these stay unset;
 * in a plain Camel application set them as {@code camel.component.airbyte.configuration.*}.
 */
@UriParams
public class AirbyteConfiguration implements Cloneable {
    @UriParam(
            label = "common",
            description =
                    "The Airbyte API base URL, e.g. https://api.airbyte.com/v1 or http://host:8000/api/public/v1 (public) or http://host:8000/api/v1 (config).")
    private String baseUrl;

    @UriParam(
            label = "common",
            defaultValue = "public",
            enums = "public,config",
            description = "The API flavour the base URL speaks.")
    private String api = "public";

    @UriParam(
            label = "security",
            defaultValue = "none",
            enums = "none,basic,bearer,client_credentials",
            description = "How to sign in.")
    private String authMode = "none";

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
            description = "The client secret of an Airbyte application (client_credentials).")
    @Metadata(secret = true)
    private String clientSecret;

    @UriParam(label = "security", description = "The token endpoint; defaults to <public API>/applications/token.")
    private String tokenUrl;

    @UriParam(
            label = "common",
            description = "Only connections of this workspace (name or id); all visible workspaces when unset.")
    private String workspace;

    @UriParam(
            label = "advanced",
            defaultValue = "30s",
            description = "How long one call may wait for Airbyte's answer.")
    private String requestTimeout = "30s";

    @UriParam(
            label = "advanced",
            defaultValue = "10s",
            description = "How long opening a connection to Airbyte may take.")
    private String connectTimeout = "10s";

    @UriParam(
            label = "advanced",
            defaultValue = "5m",
            description = "How long the connection list is reused for name lookups.")
    private String lookupCacheTtl = "5m";

    /** The client settings these make; a missing or contradicting value is refused naming the option. */
    AirbyteSettings toSettings() {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("The airbyte component has no baseUrl; set"
                    + " camel.component.airbyte.configuration.base-url to the Airbyte API URL.");
        }
        return AirbyteSettings.builder()
                .flavour(ApiFlavour.parse(api))
                .baseUrl(baseUrl)
                .authMode(AuthMode.parse(authMode))
                .username(username)
                .password(password)
                .token(token)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .tokenUrl(tokenUrl)
                .workspace(workspace)
                .requestTimeout(duration("requestTimeout", requestTimeout))
                .connectTimeout(duration("connectTimeout", connectTimeout))
                .lookupCacheTtl(duration("lookupCacheTtl", lookupCacheTtl))
                .build();
    }

    static Duration duration(String option, String value) {
        return Durations.tryParse(value)
                .orElseThrow(() -> new IllegalArgumentException("The airbyte option " + option + " is '" + value
                        + "', not a duration; write it as 500ms, 30s, 10m, 2h, 1d or PT10M."));
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

    public String getApi() {
        return api;
    }

    public void setApi(String api) {
        this.api = api;
    }

    public String getAuthMode() {
        return authMode;
    }

    public void setAuthMode(String authMode) {
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

    public String getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(String requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getLookupCacheTtl() {
        return lookupCacheTtl;
    }

    public void setLookupCacheTtl(String lookupCacheTtl) {
        this.lookupCacheTtl = lookupCacheTtl;
    }

    @Override
    public String toString() {
        return "AirbyteConfiguration[baseUrl=" + baseUrl + ", api=" + api + ", authMode=" + authMode + ", workspace="
                + workspace + "]";
    }
}
