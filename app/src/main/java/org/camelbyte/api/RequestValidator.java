package org.camelbyte.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.camelbyte.intake.RequestFields;

/**
 * The one check of what a caller sends, before any {@code /api} route reads it: every path segment and query
 * parameter is percent-decoded text without control characters and of bounded length, and a body is strict
 * JSON (no key twice, nothing after the value) of a JSON media type. Each refusal is one sentence naming the
 * path parameter, query parameter or body field. What a value means (a known pipeline, a status) stays the
 * route's to judge.
 *
 * <p>{@code curl -d '{...}'} labels its JSON {@code application/x-www-form-urlencoded}; that label is accepted
 * and the body judged as JSON, so the README's curl lines keep working. Browsers cannot abuse it across sites:
 * {@link HttpEdge} refuses cross-site state changes before they reach a route.
 */
final class RequestValidator implements Processor {
    /** The longest text in a path segment or query value: pipeline names, run ids and cursors are far shorter. */
    static final int MAX_TEXT = 200;

    private static final int MAX_NAME = 64;
    private static final int MAX_PARAMETERS = 32;
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    /** Refuses a key twice and anything after the value, which the routes' own parsing lets through. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ObjectMapper LENIENT = new ObjectMapper();

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        path(exchange);
        query(message.getHeader(Exchange.HTTP_RAW_QUERY, String.class));
        if (BODY_METHODS.contains(message.getHeader(Exchange.HTTP_METHOD, "", String.class))) {
            body(message);
        }
    }

    /** Each segment of the path against the route's template, so a refusal names the path parameter. */
    private static void path(Exchange exchange) {
        String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, "", String.class);
        int query = uri.indexOf('?');
        String[] given = (query < 0 ? uri : uri.substring(0, query)).split("/", -1);
        String[] template = exchange.getFromEndpoint() instanceof PlatformHttpEndpoint http
                ? http.getPath().split("/", -1)
                : new String[0];
        for (int i = 0; i < given.length; i++) {
            String field = i < template.length && template[i].startsWith("{")
                    ? "Path parameter '" + template[i].substring(1, template[i].length() - 1) + "'"
                    : "The path";
            // in a path '+' is itself, not a space as in a query
            checkText(field, decode(field, given[i].replace("+", "%2B")), MAX_TEXT);
        }
    }

    private static void query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        String[] pairs = raw.split("&", -1);
        if (pairs.length > MAX_PARAMETERS) {
            throw new ApiProblem(
                    400,
                    "The query has " + pairs.length + " parameters; send at most " + MAX_PARAMETERS
                            + " (each endpoint's parameters are in /api/openapi.json).");
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String name = decode("A query parameter name", eq < 0 ? pair : pair.substring(0, eq));
            checkText("A query parameter name", name, MAX_NAME);
            String field = "Query parameter '" + name + "'";
            checkText(field, decode(field, eq < 0 ? "" : pair.substring(eq + 1)), MAX_TEXT);
        }
    }

    private static void body(Message message) {
        String body = RequestFields.sentText(message);
        String type = message.getHeader(Exchange.CONTENT_TYPE, "", String.class);
        String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean empty = body == null || body.isBlank();
        // no body needs no type (curl -XPOST sends none); a labelled one must be JSON, even when it came out empty
        if (empty && media.isEmpty()) {
            return;
        }
        if (!(media.equals("application/json")
                || media.endsWith("+json")
                || media.equals("application/x-www-form-urlencoded"))) {
            throw new ApiProblem(
                    415,
                    "The header Content-Type is '" + type + "'; send the body as JSON with"
                            + " 'Content-Type: application/json'.");
        }
        if (empty) {
            return;
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > RequestFields.MAX_BYTES) {
            throw new ApiProblem(
                    413,
                    "The body is larger than " + RequestFields.MAX_BYTES + " bytes; send a JSON object of"
                            + " the few short fields this endpoint takes.");
        }
        try {
            STRICT.readTree(body);
        } catch (Exception e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getMessage()));
            if (duplicate.find()) {
                throw new ApiProblem(
                        400, "Body field '" + duplicate.group(1) + "' appears twice; send each field once.");
            }
            if (aValueComesFirst(body)) {
                throw new ApiProblem(
                        400, "The body has more after its JSON value; send one JSON object and nothing after it.");
            }
            // not JSON at all: the route refuses it with the fields it takes
        }
    }

    /** Whether the body starts with one whole JSON value: then what made strict parsing fail comes after it. */
    private static boolean aValueComesFirst(String body) {
        try (JsonParser parser = LENIENT.createParser(body)) {
            return LENIENT.readTree(parser) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String decode(String field, String raw) {
        try {
            return java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(
                    400, field + " holds a malformed %-escape; percent-encode the value (e.g. encodeURIComponent).");
        }
    }

    /** Refuses control characters (a NUL, a line break, ...) and text longer than {@code max}. */
    static void checkText(String field, String value, int max) {
        if (value.length() > max) {
            throw new ApiProblem(
                    value.length() > 4 * max ? 414 : 400,
                    field + " is " + value.length() + " characters long; give at most " + max + ".");
        }
        if (hasControl(value)) {
            throw new ApiProblem(400, field + " holds a control character (such as a NUL or a line break); remove it.");
        }
    }

    /** Whether {@code value} holds a C0/C1 control character or a Unicode line or paragraph separator. */
    static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
