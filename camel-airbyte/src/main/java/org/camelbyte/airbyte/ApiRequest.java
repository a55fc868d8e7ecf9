package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call to Airbyte. {@code createsJob} marks the non-idempotent POST that starts a job: when its
 * answer is lost the job may exist, which the caller must know before it tries again.
 *
 * @param pathAndQuery relative to the API base, e.g. {@code /jobs?connectionId=...}
 */
record ApiRequest(String method, String pathAndQuery, JsonNode body, boolean createsJob) {

    static ApiRequest get(String pathAndQuery) {
        return new ApiRequest("GET", pathAndQuery, null, false);
    }

    static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, null, false);
    }

    static ApiRequest post(String path, JsonNode body) {
        return new ApiRequest("POST", path, body, false);
    }

    static ApiRequest createJob(String path, JsonNode body) {
        return new ApiRequest("POST", path, body, true);
    }

    /** Method and path without the query, for messages. */
    String describe() {
        int query = pathAndQuery.indexOf('?');
        return method + " " + (query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
    }
}
