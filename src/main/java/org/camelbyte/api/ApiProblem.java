package org.camelbyte.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request this API answers with an HTTP error status, one sentence saying what to do, and any facts it names. */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final Map<String, Object> facts = new LinkedHashMap<>();

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

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.putAll(facts);
        return body;
    }
}
