package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AirbyteSettingsTest {

    @Test
    void toStringNeverShowsSecrets() {
        String basic = AirbyteSettings.builder()
                .baseUrl("http://h:8000/api/v1")
                .flavour(ApiFlavour.CONFIG)
                .basicAuth("airbyte", "pa55-word-secret")
                .build()
                .toString();
        String bearer = AirbyteSettings.builder()
                .baseUrl("http://h/v1")
                .bearerToken("tok-secret-123")
                .build()
                .toString();
        String client = AirbyteSettings.builder()
                .baseUrl("http://h/v1")
                .clientCredentials("id-1", "client-secret-xyz")
                .build()
                .toString();

        assertThat(basic).contains("airbyte").doesNotContain("pa55-word-secret");
        assertThat(bearer).doesNotContain("tok-secret-123");
        assertThat(client).contains("id-1").doesNotContain("client-secret-xyz");
    }

    @Test
    void tokenUrlIsDerivedFromThePublicApiBase() {
        assertThat(AirbyteSettings.builder()
                        .baseUrl("https://api.airbyte.com/v1/")
                        .build()
                        .tokenUrl())
                .hasToString("https://api.airbyte.com/v1/applications/token");
        assertThat(AirbyteSettings.builder()
                        .flavour(ApiFlavour.CONFIG)
                        .baseUrl("http://h:8000/api/v1")
                        .build()
                        .tokenUrl())
                .hasToString("http://h:8000/api/public/v1/applications/token");
    }

    @Test
    void missingCredentialsAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> AirbyteSettings.builder()
                        .baseUrl("http://h/v1")
                        .clientCredentials("id", " ")
                        .build())
                .hasMessageContaining("clientSecret");
    }

    @Test
    void settingValuesParseWithDashes() {
        assertThat(AuthMode.parse("client-credentials")).isEqualTo(AuthMode.CLIENT_CREDENTIALS);
        assertThat(ApiFlavour.parse("config")).isEqualTo(ApiFlavour.CONFIG);
        assertThatThrownBy(() -> AuthMode.parse("kerberos")).hasMessageContaining("none, basic, bearer");
    }
}
