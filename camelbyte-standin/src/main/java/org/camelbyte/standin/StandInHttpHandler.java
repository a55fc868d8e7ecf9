package org.camelbyte.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Front door for every request: record, inject faults, authenticate, then hand to the flavour's API. */
final class StandInHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(StandInHttpHandler.class.getName());

    private final PublicApi publicApi;
    private final ConfigApi configApi;
    private final Authenticator authenticator;
    private final StandInFaults faults;
    private final CallRecorder recorder;

    StandInHttpHandler(
            PublicApi publicApi,
            ConfigApi configApi,
            Authenticator authenticator,
            StandInFaults faults,
            CallRecorder recorder) {
        this.publicApi = publicApi;
        this.configApi = configApi;
        this.authenticator = authenticator;
        this.faults = faults;
        this.recorder = recorder;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String fullPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> headers = lowerCase(exchange.getRequestHeaders());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Fault fault = faults.next(exchange.getRequestMethod(), fullPath);
            if (fault != null && fault.kind() == Fault.Kind.DROP) {
                recorder.record(new RecordedCall(
                        exchange.getRequestMethod(), fullPath, rawQuery, headers, body, 0, Map.of(), null));
                // Closing the exchange before any response header makes the JDK server drop the connection.
                return;
            }
            StandInResponse response = answer(exchange.getRequestMethod(), fullPath, rawQuery, headers, body, fault);
            setHeaders(exchange, response);
            // recorded before the answer leaves, so a client that has its answer finds the call recorded
            Map<String, List<String>> responseHeaders = lowerCase(exchange.getResponseHeaders());
            recorder.record(new RecordedCall(
                    exchange.getRequestMethod(),
                    fullPath,
                    rawQuery,
                    headers,
                    body,
                    response.status(),
                    responseHeaders,
                    response.body()));
            write(exchange, response);
        }
    }

    private StandInResponse answer(
            String method,
            String fullPath,
            String rawQuery,
            Map<String, List<String>> headers,
            String body,
            Fault fault) {
        boolean isPublic =
                fullPath.startsWith(AirbyteStandIn.PUBLIC_BASE + "/") || fullPath.equals(AirbyteStandIn.PUBLIC_BASE);
        ApiFlavour flavour = isPublic ? ApiFlavour.PUBLIC : ApiFlavour.CONFIG;
        String path = isPublic
                ? fullPath.substring(AirbyteStandIn.PUBLIC_BASE.length())
                : fullPath.startsWith("/api/") ? fullPath.substring("/api".length()) : fullPath;
        StandInRequest request = new StandInRequest(flavour, method, path, rawQuery, headers, body);
        try {
            if (fault != null) {
                switch (fault.kind()) {
                    case FAIL -> {
                        return Problems.serverError(flavour, fault.httpStatus());
                    }
                    case RATE_LIMIT -> {
                        StandInResponse limited = Problems.rateLimited();
                        return fault.retryAfterSeconds() == null
                                ? limited
                                : limited.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
                    }
                    default -> JobCreation.pause(fault.delay());
                }
            }
            if (!fullPath.startsWith("/api/")) {
                return Problems.notFoundPath(flavour, fullPath);
            }
            if (method.equals("POST")
                    && (path.equals("/applications/token") || path.equals("/v1/applications/token"))) {
                return authenticator.issueToken(request);
            }
            if (!isHealth(path)) {
                authenticator.check(request);
            }
            return isPublic ? publicApi.handle(request) : configApi.handle(request);
        } catch (HttpProblem problem) {
            return problem.response();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stand-in failed on " + method + " " + fullPath, e);
            return Problems.serverError(flavour, 500);
        }
    }

    private static boolean isHealth(String path) {
        return path.equals("/health") || path.equals("/v1/health");
    }

    private static void setHeaders(HttpExchange exchange, StandInResponse response) {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    }

    private static void write(HttpExchange exchange, StandInResponse response) throws IOException {
        byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        headers.forEach((k, v) -> result.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return result;
    }
}
