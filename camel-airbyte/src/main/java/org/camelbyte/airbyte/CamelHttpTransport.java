package org.camelbyte.airbyte;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

/**
 * The wire under every Airbyte call: Camel's HTTP component, so its connection pool, proxy and TLS
 * settings ({@code camel.component.http(s).*}) apply. One endpoint per Airbyte origin, the call's method,
 * URL and headers set on each exchange: a URI per call would fill Camel's endpoint cache.
 */
final class CamelHttpTransport {
    private static final String ANY_HOST_NAME = "airbyteAnyHostName";
    private static final String ONE_ATTEMPT = "airbyteOneAttempt";
    private static CamelContext standalone;

    private final CamelContext context;
    private final ProducerTemplate template;
    private final String options;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    CamelHttpTransport(CamelContext context, Duration connectTimeout, Duration requestTimeout, AirbyteTls tls) {
        this.context = context;
        this.template = context.createProducerTemplate();
        // the answer of any status is the client's to read; redirects are never followed (as before)
        bindOnce(context, ONE_ATTEMPT, (HttpClientConfigurer) HttpClientBuilder::disableAutomaticRetries);
        // HttpClient's own retries (on 429, 503, IO errors) are off: a repeat is the route's decision, and a
        // repeated job-creating POST could start a second sync
        this.options = "throwExceptionOnFailure=false&followRedirects=false&httpClientConfigurer=#" + ONE_ATTEMPT
                + "&connectTimeout=" + connectTimeout.toMillis() + "&responseTimeout=" + requestTimeout.toMillis()
                + tlsOptions(context, tls);
    }

    /** Clients built without the app (tests, the benchmark, tools) share one small Camel context of their own. */
    static synchronized CamelContext standaloneContext() {
        if (standalone == null) {
            standalone = new DefaultCamelContext();
            standalone.start();
        }
        return standalone;
    }

    /** The answer of any status; an IO failure (refused, reset, timed out, TLS) is thrown as is. */
    ApiAnswer send(String method, URI url, String body, String authorization) throws IOException {
        Exchange done = template.send(endpointFor(url), exchange -> {
            Message in = exchange.getIn();
            // the enum camel-http reads: a String costs a type conversion lookup on every call
            in.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(method));
            in.setHeader(Exchange.HTTP_URI, url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath());
            in.setHeader(Exchange.HTTP_QUERY, url.getRawQuery());
            in.setHeader("Accept", "application/json");
            if (authorization != null) {
                in.setHeader("Authorization", authorization);
            }
            if (body != null) {
                in.setHeader(Exchange.CONTENT_TYPE, "application/json");
                in.setBody(body);
            }
        });
        for (Throwable failure = done.getException(); failure != null; failure = failure.getCause()) {
            if (failure instanceof SSLPeerUnverifiedException wrongHost) {
                // HttpClient 5 checks the host name just after the handshake, the JDK's client within it:
                // either way the server's certificate was refused while setting up TLS
                throw (IOException) new SSLHandshakeException(wrongHost.getMessage()).initCause(wrongHost);
            }
            if (failure instanceof IOException io) {
                throw io;
            }
        }
        if (done.getException() != null) {
            throw new IOException(done.getException().getMessage(), done.getException());
        }
        Message answer = done.getMessage();
        return new ApiAnswer(
                answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class),
                answer.getBody(String.class),
                headersOf(answer));
    }

    private Endpoint endpointFor(URI url) {
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        return endpoints.computeIfAbsent(origin, o -> context.getEndpoint(o + "?" + options));
    }

    private static HttpHeaders headersOf(Message answer) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        answer.getHeaders()
                .forEach((name, value) -> headers.put(
                        name,
                        value instanceof Collection<?> values
                                ? values.stream().map(String::valueOf).toList()
                                : List.of(String.valueOf(value))));
        return HttpHeaders.of(headers, (name, value) -> true);
    }

    /**
     * The JVM's CAs need no option, so {@code camel.component.https.sslContextParameters} and the global
     * SSL settings still apply; a trust store or verify=false is bound once per context as a bean.
     */
    private static String tlsOptions(CamelContext context, AirbyteTls tls) {
        TrustManager[] trustManagers = tls.trustManagers();
        if (trustManagers == null) {
            return "";
        }
        String name = "airbyteTls" + Integer.toHexString(tls.hashCode());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(trustManagers[0]);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        bindOnce(context, name, parameters);
        bindOnce(context, ANY_HOST_NAME, NoopHostnameVerifier.INSTANCE);
        return "&sslContextParameters=#" + name + (tls.verify() ? "" : "&x509HostnameVerifier=#" + ANY_HOST_NAME);
    }

    private static synchronized void bindOnce(CamelContext context, String name, Object bean) {
        if (context.getRegistry().lookupByName(name) == null) {
            context.getRegistry().bind(name, bean);
        }
    }
}
