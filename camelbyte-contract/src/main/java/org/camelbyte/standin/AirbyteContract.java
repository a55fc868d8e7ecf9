package org.camelbyte.standin;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a {@link RecordedCall} (request and response) against Airbyte's own OpenAPI files in
 * {@code src/test/resources/airbyte-openapi}: the public API against v1.6.0/api.yaml, the Config API
 * against the current config.yaml ({@code /v1/workspaces/list}, gone there, against v1.6.0/config.yaml).
 *
 * <p>Deliberately not checked, each because the spec and the real server disagree:
 * <ul>
 *   <li>security: deployments without auth are legal, and the auth tests cover credentials;</li>
 *   <li>statuses the spec does not list (409, 429, 401, 500...): Airbyte sends them anyway; their bodies are
 *       checked for the shape of api-problems.yaml (public API) or KnownExceptionInfo (Config API) instead;</li>
 *   <li>{@code AirbyteStream.required: [json_schema]}: the property is {@code jsonSchema}, and that is what the
 *       server sends, so the snake-case requirement can never be met;</li>
 *   <li>{@code ApplicationTokenRequestWithGrant} requires {@code grant_type} but declares only {@code grant-type}
 *       and forbids other properties, so no token request can pass; grant_type is what Airbyte reads;</li>
 *   <li>the public {@code ConnectionResponse} schema: the validator's JSON-schema engine reports
 *       "Invalid JSON Schema, cannot continue" on it (a processing error in the spec, not a finding about the
 *       body), so those bodies are not schema-checked; StandInContractTest checks their required fields by hand;</li>
 *   <li>query parameters of the OpenAPI 3.1 public spec: the validator parses plain string values as JSON
 *       ("invalidJson" for {@code status=running}), a defect of the validator, not of the request.</li>
 * </ul>
 */
public final class AirbyteContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile AirbyteContract instance;

    private final OpenApiInteractionValidator publicApi;
    private final OpenApiInteractionValidator configApi;
    private final OpenApiInteractionValidator configApiV16;

    private AirbyteContract() {
        publicApi = validator("airbyte-openapi/v1.6.0/api.yaml", "/api/public/v1");
        configApi = validator("airbyte-openapi/config.yaml", "/api");
        configApiV16 = validator("airbyte-openapi/v1.6.0/config.yaml", "/api");
    }

    /** Loading the specs takes seconds, so every test shares one instance. */
    public static AirbyteContract get() {
        if (instance == null) {
            synchronized (AirbyteContract.class) {
                if (instance == null) {
                    instance = new AirbyteContract();
                }
            }
        }
        return instance;
    }

    /** The contract violations of one call; empty when it is valid. */
    public List<String> violations(RecordedCall call) {
        if (call.responseStatus() == 0) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        ValidationReport report = validatorFor(call).validate(request(call), response(call));
        report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !m.getMessage().contains("json_schema"))
                .filter(m -> !m.getKey().equals("validation.request.parameter.schema.invalidJson"))
                .filter(m ->
                        !(m.getMessage().contains("grant_type") && call.path().endsWith("/applications/token")))
                .filter(m -> !(m.getKey().equals("validation.response.body.schema.processingError")
                        && call.path().startsWith("/api/public/v1/connections")))
                .forEach(m -> problems.add(m.getKey() + ": " + m.getMessage()));
        if (call.responseStatus() >= 400) {
            problems.addAll(errorBodyViolations(call));
        }
        return problems;
    }

    public void assertValid(RecordedCall call) {
        List<String> problems = violations(call);
        if (!problems.isEmpty()) {
            throw new AssertionError(call.method() + " " + call.path() + " -> " + call.responseStatus()
                    + " breaks the Airbyte contract:\n  " + String.join("\n  ", problems)
                    + "\nrequest: " + call.body() + "\nresponse: " + call.responseBody());
        }
    }

    public void assertAllValid(List<RecordedCall> calls) {
        calls.forEach(this::assertValid);
    }

    private OpenApiInteractionValidator validatorFor(RecordedCall call) {
        if (call.isPublicApi()) {
            return publicApi;
        }
        return call.path().equals("/api/v1/workspaces/list") ? configApiV16 : configApi;
    }

    private static List<String> errorBodyViolations(RecordedCall call) {
        JsonNode body;
        try {
            body = JSON.readTree(call.responseBody() == null ? "" : call.responseBody());
        } catch (IOException e) {
            return List.of("error body is not JSON: " + call.responseBody());
        }
        if (body == null || !body.isObject()) {
            return List.of("error body is not a JSON object: " + call.responseBody());
        }
        if (call.isPublicApi()) {
            return body.path("type").isTextual()
                            && body.path("title").isTextual()
                            && body.path("status").isInt()
                    ? List.of()
                    : List.of("problem body lacks type, title or status (api-problems.yaml BaseProblemFields)");
        }
        return body.path("message").isTextual() ? List.of() : List.of("error body lacks message (KnownExceptionInfo)");
    }

    private static SimpleRequest request(RecordedCall call) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(call.method(), call.path());
        call.headers().forEach((name, values) -> builder.withHeader(name, values));
        if (call.body() != null && !call.body().isEmpty()) {
            builder.withBody(call.body());
        }
        StandInQuery.parse(call.query()).forEach((name, values) -> builder.withQueryParam(name, values));
        return builder.build();
    }

    private static SimpleResponse response(RecordedCall call) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(call.responseStatus());
        call.responseHeaders().forEach((name, values) -> builder.withHeader(name, values));
        if (call.responseBody() != null && !call.responseBody().isEmpty()) {
            builder.withBody(call.responseBody());
        }
        return builder.build();
    }

    private static OpenApiInteractionValidator validator(String resource, String basePath) {
        URL url = AirbyteContract.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is missing from the test classpath");
        }
        return OpenApiInteractionValidator.createForSpecificationUrl(url.toString())
                .withBasePathOverride(basePath)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** Query text to names and values, as the validator wants them. */
    private static final class StandInQuery {
        static Map<String, List<String>> parse(String raw) {
            if (raw == null || raw.isEmpty()) {
                return Map.of();
            }
            return Arrays.stream(raw.split("&"))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.groupingBy(
                            p -> decode(p[0]),
                            LinkedHashMap::new,
                            Collectors.mapping(p -> p.length > 1 ? decode(p[1]) : "", Collectors.toList())));
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }
}
