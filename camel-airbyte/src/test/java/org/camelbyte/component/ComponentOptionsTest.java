package org.camelbyte.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.camelbyte.airbyte.ApiFlavour;
import org.camelbyte.airbyte.AuthMode;
import org.camelbyte.airbyte.JobType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The component's options as a plain Camel Main application sets them: {@code camel.component.airbyte.*} keys,
 * flattened (no {@code configuration.} prefix), typed (durations as people write them, enums as they are
 * spelled on the wire), and a wrong one refused at start with a sentence naming it.
 */
class ComponentOptionsTest {
    @RegisterExtension
    static final ScenarioStandIn STAND_IN = new ScenarioStandIn();

    private Main main;

    @AfterEach
    void stopMain() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void flattenedKeysConfigureTheComponentTyped() throws Exception {
        CamelContext context = start(
                "camel.component.airbyte.api", "public",
                "camel.component.airbyte.auth-mode", "none",
                "camel.component.airbyte.workspace", "Production",
                "camel.component.airbyte.request-timeout", "1h30m",
                "camel.component.airbyte.connect-timeout", "PT10M",
                "camel.component.airbyte.lookup-cache-ttl", "30s");

        AirbyteConfiguration configuration =
                context.getComponent("airbyte", AirbyteComponent.class).getConfiguration();
        assertThat(configuration.getBaseUrl()).isEqualTo(STAND_IN.get().publicApiUrl());
        assertThat(configuration.getApi()).isEqualTo(ApiFlavour.PUBLIC);
        assertThat(configuration.getWorkspace()).isEqualTo("Production");
        assertThat(configuration.getRequestTimeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(configuration.getConnectTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(configuration.getLookupCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        // and the route talks to the stand-in it names
        Exchange out = context.createProducerTemplate().request("direct:lookup", e -> {});
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsEntry("workspaceName", "Production");
    }

    @Test
    void enumsReadAsWrittenOnTheWireAndSecretsStayHidden() throws Exception {
        CamelContext context = start(
                "camel.component.airbyte.auth-mode", "client_credentials",
                "camel.component.airbyte.client-id", "reader",
                "camel.component.airbyte.client-secret", "s3cr3t-value");

        AirbyteConfiguration configuration =
                context.getComponent("airbyte", AirbyteComponent.class).getConfiguration();
        assertThat(configuration.getAuthMode()).isEqualTo(AuthMode.CLIENT_CREDENTIALS);
        assertThat(configuration.toString()).contains("client_credentials").doesNotContain("s3cr3t-value");
        AirbyteEndpoint reset =
                context.getEndpoint("airbyte:sync?jobType=reset&pollInterval=1h30m", AirbyteEndpoint.class);
        assertThat(reset.getJobType()).isEqualTo(JobType.RESET);
        assertThat(reset.getPollInterval()).isEqualTo(Duration.ofMinutes(90));
        assertThat(reset.getTimeout()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aWrongComponentOptionIsRefusedAtStartNamingIt() {
        Throwable thrown = catchThrowable(() -> start("camel.component.airbyte.auth-mode", "kerberos"));

        assertThat(thrown).hasStackTraceContaining("authMode");
        assertThat(thrown)
                .rootCause()
                .hasMessage("airbyte auth mode 'kerberos' is not one of none, basic, bearer, client_credentials; use"
                        + " one of those.");
    }

    @Test
    void aDurationThatIsNoneIsRefusedAtRouteStart() {
        Throwable thrown = catchThrowable(() -> start("camel.component.airbyte.request-timeout", "often"));

        assertThat(thrown)
                .rootCause()
                .hasMessageContaining("the option requestTimeout is 0ms (or no duration); write a positive duration");
    }

    @Test
    void noBaseUrlIsRefusedAtRouteStartSayingWhatToSet() {
        Throwable thrown = catchThrowable(() -> startOn(null, "camel.component.airbyte.workspace", "Production"));

        assertThat(thrown).rootCause().hasMessageContaining("has no baseUrl; set camel.component.airbyte.base-url");
    }

    /** A Camel Main application on the stand-in, with these keys and values. */
    private CamelContext start(String... keysAndValues) throws Exception {
        return startOn(STAND_IN.get().publicApiUrl(), keysAndValues);
    }

    /** A Camel Main application with this base-url (null: none), and these keys and values. */
    private CamelContext startOn(String baseUrl, String... keysAndValues) throws Exception {
        main = new Main();
        if (baseUrl != null) {
            main.addInitialProperty("camel.component.airbyte.base-url", baseUrl);
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            main.addInitialProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:lookup").to("airbyte:lookup?connection=orders (PROD)");
            }
        });
        main.start();
        return main.getCamelContext();
    }
}
