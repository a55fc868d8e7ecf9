package org.camelbyte.airbyte;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.http.HttpHeaders;

/** An HTTP answer of any status; the body is parsed only when someone reads it. */
record ApiAnswer(int status, String body, HttpHeaders headers) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    JsonNode json() {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }

    /**
     * The human part of an error body: a public API problem's {@code data.message} or {@code detail},
     * a Config API {@code message}, or the raw text.
     */
    String errorDetail() {
        JsonNode json = json();
        for (String candidate : new String[] {
            Json.text(json.path("data"), "message"),
            Json.text(json, "detail"),
            Json.text(json, "message"),
            Json.text(json, "title")
        }) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return body == null ? "" : body;
    }

    String problemType() {
        JsonNode json = json();
        String title = Json.text(json, "title");
        return title != null ? title : Json.text(json, "type");
    }
}
