package org.camelbyte.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Who a cancel names: the basic user (never the password), "token" for a bearer token, "anyone" when open. */
class CancelCallerTest {

    @Test
    void basicCredentialsNameTheUserAndNothingElse() throws Exception {
        Exchange exchange = withAuthorization("Basic "
                + Base64.getEncoder().encodeToString("ops-anna:s3cret:with:colons".getBytes(StandardCharsets.UTF_8)));
        ApiAuthentication.basic("ops-anna", "s3cret:with:colons").process(exchange);

        assertThat(exchange.getProperty(ApiAuthentication.CALLER, String.class)).isEqualTo("ops-anna");
    }

    @Test
    void aBearerTokenIsNamedAsTokenAndARefusedCallerNotAtAll() throws Exception {
        Exchange accepted = withAuthorization("Bearer t-1");
        ApiAuthentication.bearer("t-1").process(accepted);
        Exchange refused = withAuthorization("Bearer wrong");
        ApiAuthentication.bearer("t-1").process(refused);

        assertThat(accepted.getProperty(ApiAuthentication.CALLER, String.class)).isEqualTo("token");
        assertThat(refused.getProperty(ApiAuthentication.CALLER, String.class)).isNull();
        assertThat(refused.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(401);
    }

    @Test
    void anOpenApiNamesAnyone() throws Exception {
        Exchange exchange = withAuthorization(null);
        ApiAuthentication.open().process(exchange);

        assertThat(exchange.getProperty(ApiAuthentication.CALLER, String.class)).startsWith("anyone");
    }

    private static Exchange withAuthorization(String value) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("Authorization", value);
        return exchange;
    }
}
