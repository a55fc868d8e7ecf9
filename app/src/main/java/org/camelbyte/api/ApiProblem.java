package org.camelbyte.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request this API answers with an HTTP error status, one sentence saying what to do, and any facts it names.
 * Every error answer is RFC 9457 {@code application/problem+json}: {@code status}, {@code title} (the status's
 * reason), {@code detail} (the sentence), and the same sentence as {@code error}, which clients of earlier
 * versions read.
 */
public class ApiProblem extends RuntimeException {
    /** The media type of every error answer. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, Object> headers = new LinkedHashMap<>();

    public ApiProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Adds a field to the answer beside {@code error}, such as a finished run's {@code status}. */
    public ApiProblem with(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    /** Adds a header to the answer, such as a 429's {@code Retry-After}. */
    public ApiProblem header(String name, Object value) {
        headers.put(name, value);
        return this;
    }

    Map<String, Object> headers() {
        return headers;
    }

    Map<String, Object> body() {
        Map<String, Object> body = body(status, getMessage());
        body.putAll(facts);
        return body;
    }

    /** The problem document for {@code status} and the sentence {@code detail}. */
    static Map<String, Object> body(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpResponseStatus.valueOf(status).reasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.put("error", detail);
        return body;
    }
}
