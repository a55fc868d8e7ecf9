package org.camelbyte.airbyte;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds {@code path?name=value&...} with encoded values; null values are left out. */
final class Query {
    private final String path;
    private final StringJoiner parameters = new StringJoiner("&");

    private Query(String path) {
        this.path = path;
    }

    static Query path(String path) {
        return new Query(path);
    }

    Query with(String name, Object value) {
        if (value != null) {
            parameters.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
        return this;
    }

    @Override
    public String toString() {
        return parameters.length() == 0 ? path : path + "?" + parameters;
    }
}
