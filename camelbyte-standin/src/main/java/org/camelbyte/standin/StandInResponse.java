package org.camelbyte.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** An answer to write back; {@code headers} are extra headers beyond Content-Type. */
record StandInResponse(int status, String contentType, String body, Map<String, String> headers) {

    static StandInResponse json(int status, JsonNode node) {
        return json(status, node, "application/json");
    }

    static StandInResponse json(int status, JsonNode node, String contentType) {
        try {
            return new StandInResponse(status, contentType, Json.MAPPER.writeValueAsString(node), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a response body", e);
        }
    }

    static StandInResponse ok(JsonNode node) {
        return json(200, node);
    }

    StandInResponse withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new StandInResponse(status, contentType, body, Map.copyOf(more));
    }
}
