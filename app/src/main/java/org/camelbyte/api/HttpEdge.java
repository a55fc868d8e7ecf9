package org.camelbyte.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HTTP server does before and after any route, on the Vert.x router Camel's platform-http serves from:
 * security headers on every answer; state-changing calls from another site refused (403) whatever
 * {@code api.auth} says, since with {@code api.auth = none} a page elsewhere could otherwise start runs through
 * the user's browser; and the answers the router gives itself (404, 405, 413, a failure) as problem+json
 * instead of HTML or an empty body. Only a request line longer than Vert.x's 4,096 characters is answered by
 * Vert.x itself (414, empty body), before any router sees it.
 */
final class HttpEdge {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEdge.class);
    private static final Set<HttpMethod> STATE_CHANGING =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);
    /** Every answer may hold data or be a page: none may be framed, sniffed into another type, or leak its URL. */
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private final ObjectMapper json;
    private final RefusalLog refusals;
    private final List<String> allowedOrigins;

    HttpEdge(ObjectMapper json, RefusalLog refusals, List<String> allowedOrigins) {
        this.json = json;
        this.refusals = refusals;
        this.allowedOrigins = allowedOrigins.stream()
                .map(o -> o.toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
                .toList();
    }

    /** Installs itself on the main HTTP server's router, once Camel has started it. */
    void install(CamelContext context) {
        Router router = context.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                .filter(VertxPlatformHttpRouter::isMainServer)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "The HTTP API's server is not running; set camel.server.enabled = true."));
        // before any route Camel adds, whatever order it gives them
        router.route().order(-1_000).handler(this::guard);
        // Camel's routes live on a sub-router, whose failures (a body over the limit: 413) come here, and whose
        // unmatched requests reach the last route below instead of the parent's HTML 404 and empty 405
        router.route().order(-1_000).failureHandler(this::failed);
        PlatformHttpComponent http = context.getComponent("platform-http", PlatformHttpComponent.class);
        router.route().order(Integer.MAX_VALUE).handler(ctx -> unmatched(ctx, http));
    }

    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
        String detail = switch (status) {
            case 413 ->
                "The body is larger than the server accepts (camel.server.max-body-size); send a JSON"
                        + " object of the few short fields this endpoint takes.";
            case 500 -> "The server failed on this request and logged why; try again shortly.";
            default ->
                "The request was refused (" + HttpResponseStatus.valueOf(status).reasonPhrase()
                        + "); check it against /api/openapi.json.";
        };
        if (status == 500 && ctx.failure() != null) {
            LOG.error("Failed on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
        }
        answer(ctx, status, detail);
    }

    /** No route took the request: 405 naming the methods when a route has its path, else 404. */
    private void unmatched(RoutingContext ctx, PlatformHttpComponent http) {
        String path = ctx.request().path();
        Set<String> allowed = new TreeSet<>();
        for (HttpEndpointModel endpoint : http.getHttpEndpoints()) {
            if (endpoint.getVerbs() != null
                    && template(endpoint.getUri()).matcher(path).matches()) {
                allowed.addAll(Arrays.asList(endpoint.getVerbs().split(",")));
            }
        }
        if (allowed.isEmpty()) {
            answer(ctx, 404, notFound(ctx));
        } else {
            ctx.response().putHeader("Allow", String.join(", ", allowed));
            answer(
                    ctx,
                    405,
                    "Method " + ctx.request().method() + " is not accepted at " + path + "; use "
                            + String.join(" or ", allowed) + " (the method each path takes is in /api/openapi.json).");
        }
    }

    /** A path template such as /api/runs/{runId} as a pattern of one segment per parameter. */
    private static Pattern template(String uri) {
        return Pattern.compile(
                Arrays.stream(uri.split("\\{[^/}]*}", -1)).map(Pattern::quote).collect(Collectors.joining("[^/]+")));
    }

    private void guard(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> securityHeaders(ctx));
        HttpServerRequest request = ctx.request();
        String refusal = STATE_CHANGING.contains(request.method()) ? crossSite(request) : null;
        if (refusal != null) {
            answer(ctx, 403, refusal);
        } else {
            ctx.next();
        }
    }

    /** Why a state-changing request comes from another site, or null when it does not. */
    private String crossSite(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            return "The header Sec-Fetch-Site says this request comes from another site; start runs from this"
                    + " app's own page, curl or a script, not from another site's page.";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || sameOrigin(origin, request)) {
            return null;
        }
        return "The header Origin '" + origin + "' is another site; start runs from this app's own page, curl or"
                + " a script, or add that origin to api.allowed-origins.";
    }

    private boolean sameOrigin(String origin, HttpServerRequest request) {
        String wanted = origin.toLowerCase(Locale.ROOT);
        if (allowedOrigins.contains(wanted)) {
            return true;
        }
        try {
            URI from = URI.create(wanted);
            // HTTP/2 carries no Host header, only the authority Vert.x reads from either
            HostAndPort self = request.authority();
            return from.getHost() != null
                    && self != null
                    && from.getHost().equalsIgnoreCase(self.host())
                    && port(from.getPort(), from.getScheme()) == port(self.port(), request.scheme());
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed or file page) and anything malformed is another site
        }
    }

    private static int port(int port, String scheme) {
        return port > 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private static void securityHeaders(RoutingContext ctx) {
        var headers = ctx.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", API_CSP);
        }
    }

    private static String notFound(RoutingContext ctx) {
        return "Nothing answers at " + ctx.request().path() + "; the API's paths are in /api/openapi.json and"
                + " the status page is at /.";
    }

    private void answer(RoutingContext ctx, int status, String detail) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (status != 404 && status < 500) {
            refusals.refused(
                    ctx.request().remoteAddress() == null
                            ? "an unknown address"
                            : ctx.request().remoteAddress().hostAddress(),
                    ctx.request().method().name(),
                    ctx.request().path(),
                    status,
                    detail);
        }
        String body;
        try {
            body = json.writeValueAsString(ApiProblem.body(status, detail));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ApiProblem.MEDIA_TYPE)
                .end(body);
    }
}
