package org.camelbyte.api;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.config.Beans;

/**
 * The status page's static files and the API's OpenAPI document, from the classpath. They hold no data,
 * so they need no credentials: the page asks for the token itself when the API answers 401.
 */
public class StatusPageRoutes extends RouteBuilder {
    /** The only files served: a fixed list, so no request can name another classpath resource. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");

    private static final String AUTH = "auth.json";

    @Override
    public void configure() {
        from("platform-http:/?httpMethodRestrict=GET")
                .routeId("status-page")
                .process(e -> serve(e, "page/index.html", FILES.get("index.html")));
        from("platform-http:/page/{file}?httpMethodRestrict=GET")
                .routeId("status-page-files")
                .process(e -> {
                    String file = e.getMessage().getHeader("file", String.class);
                    if (AUTH.equals(file)) {
                        authMode(e);
                    } else if (FILES.containsKey(file)) {
                        serve(e, "page/" + file, FILES.get(file));
                    } else {
                        e.getMessage().setHeaders(new HashMap<>());
                        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
                        e.getMessage().setHeader(Exchange.CONTENT_TYPE, ApiProblem.MEDIA_TYPE);
                        // the status page serves index.html, app.js and style.css only: no text of the request echoes
                        e.getMessage()
                                .setBody("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                                        + "\"detail\":\"The status page has no such file; open / instead.\","
                                        + "\"error\":\"The status page has no such file; open / instead.\"}");
                    }
                });
        from("platform-http:/api/openapi.json?httpMethodRestrict=GET")
                .routeId("api-openapi")
                .process(e -> serve(e, "api/openapi.json", "application/json"));
    }

    /** How the page must sign in (bearer, basic or none), so it asks at once instead of drawing a 401 first. */
    private static void authMode(Exchange exchange) {
        ApiAuthMode mode = exchange.getContext()
                .getRegistry()
                .lookupByNameAndType(Beans.API_AUTHENTICATION, ApiAuthentication.class)
                .mode();
        exchange.getMessage().setHeaders(new HashMap<>());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody("{\"auth\":\"" + mode.name().toLowerCase(Locale.ROOT) + "\"}");
    }

    private static void serve(Exchange exchange, String resource, String contentType) throws Exception {
        try (var in = StatusPageRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            exchange.getMessage().setHeaders(new HashMap<>());
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
            // the page's script is its own file, so the page forbids inline script and any other origin; and no
            // other site may frame it to trick a click on Run or Cancel
            exchange.getMessage()
                    .setHeader(
                            "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
            exchange.getMessage().setHeader("Cache-Control", "no-cache");
            exchange.getMessage().setBody(in.readAllBytes());
        }
    }
}
