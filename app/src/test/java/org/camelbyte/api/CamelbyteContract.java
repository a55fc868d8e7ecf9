package org.camelbyte.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camelbyte.app.TestApp;

/**
 * Sends requests to a running app and checks each request and answer against the app's own OpenAPI
 * document, as served at /api/openapi.json; remembers which documented operations were exercised.
 */
final class CamelbyteContract {
    private final TestApp app;
    private final OpenApiInteractionValidator validator;
    private final List<String> violations = new ArrayList<>();
    private final Set<String> exercised = ConcurrentHashMap.newKeySet();
    private final Set<String> documented = new TreeSet<>();

    CamelbyteContract(TestApp app) throws IOException, InterruptedException {
        this.app = app;
        HttpResponse<String> document =
                app.send(app.request("/api/openapi.json").GET());
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                .build();
        JsonNode paths = new ObjectMapper().readTree(document.body()).path("paths");
        paths.fieldNames()
                .forEachRemaining(path -> paths.path(path)
                        .fieldNames()
                        .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
    }

    /** Every documented operation, as "METHOD /path/{template}". */
    Set<String> documented() {
        return documented;
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = app.get(pathAndQuery);
        check("GET", pathAndQuery, null, response);
        return response;
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = app.post(path, body);
        check("POST", path, body, response);
        return response;
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    Set<String> exercised() {
        return exercised;
    }

    private synchronized void check(String method, String pathAndQuery, String body, HttpResponse<String> response) {
        URI uri = URI.create(pathAndQuery);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getPath())
                .withHeader("Authorization", "Bearer " + TestApp.API_TOKEN);
        if (body != null && !body.isEmpty()) {
            request.withHeader("Content-Type", "application/json").withBody(body);
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator.validate(request.build(), answer.build());
        report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                // a request the document forbids on purpose must be answered 400, which is checked instead
                .filter(m -> !(response.statusCode() == 400 && m.getKey().startsWith("validation.request.parameter")))
                .forEach(m -> violations.add(method + " " + pathAndQuery + " -> " + response.statusCode() + ": "
                        + m.getKey() + ": " + m.getMessage()));
        operationOf(method, uri.getPath()).ifPresent(exercised::add);
    }

    /** The documented operation a request is for: a literal path wins over a template. */
    private Optional<String> operationOf(String method, String path) {
        return documented.stream()
                .filter(op -> op.equals(method + " " + path))
                .findFirst()
                .or(() -> documented.stream()
                        .filter(op -> (method + " " + path).matches(op.replaceAll("\\{[^/]+}", "[^/]+")))
                        .findFirst());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
