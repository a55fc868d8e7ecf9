package org.camelbyte.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Error bodies as Airbyte writes them: RFC 9457 problems (api-problems.yaml) on the public API,
 * {@code KnownExceptionInfo} ({@code message}, {@code exceptionClassName}) on the Config API.
 */
final class Problems {

    private static final String ERRORS = "https://reference.airbyte.com/reference/errors";

    private Problems() {}

    static StandInResponse problem(int status, String anchor, String title, String detail, String message) {
        ObjectNode body = Json.object()
                .put("type", anchor == null ? ERRORS : ERRORS + "#" + anchor)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (message != null) {
            body.putObject("data").put("message", message);
        }
        return StandInResponse.json(status, body, "application/problem+json");
    }

    static StandInResponse knownException(int status, String exceptionClass, String message) {
        return StandInResponse.json(
                status, Json.object().put("message", message).put("exceptionClassName", exceptionClass));
    }

    static StandInResponse badRequest(ApiFlavour flavour, String message) {
        return flavour == ApiFlavour.PUBLIC
                ? problem(
                        400,
                        "bad-request",
                        "bad-request",
                        "The request could not be understood by the server due to malformed syntax.",
                        message)
                : knownException(422, "io.airbyte.commons.server.errors.BadObjectSchemaKnownException", message);
    }

    static StandInResponse unauthorized() {
        return problem(
                401,
                "invalid-api-key",
                "invalid-api-key",
                "The API key in the Authorization header is invalid.",
                "Missing or invalid credentials.");
    }

    static StandInResponse notFoundPath(ApiFlavour flavour, String path) {
        return flavour == ApiFlavour.PUBLIC
                ? problem(
                        404,
                        "resource-not-found",
                        "resource-not-found",
                        "The requested resource could not be found.",
                        "No endpoint " + path)
                : StandInResponse.json(404, Json.object().put("message", "Page Not Found"));
    }

    static StandInResponse resourceNotFound(String kind, String id) {
        return problem(
                404,
                "resource-not-found",
                "resource-not-found",
                "The requested resource could not be found.",
                kind + " " + id + " was not found.");
    }

    static StandInResponse serverError(ApiFlavour flavour, int status) {
        return flavour == ApiFlavour.PUBLIC
                ? problem(
                        status,
                        null,
                        "unexpected-problem",
                        "An unexpected problem has occurred.",
                        "Injected fault " + status)
                : knownException(
                        status, "java.lang.RuntimeException", "Internal Server Error: injected fault " + status);
    }

    static StandInResponse rateLimited() {
        return problem(
                429, "rate-limited", "rate-limited", "Too many requests; retry later.", "The server is shedding load.");
    }
}
