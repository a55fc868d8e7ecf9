package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;

/**
 * Sends one call to one Airbyte API: one attempt, plus one repeat after a 401 when the credential
 * could be renewed. Retrying anything else is the route's decision, never made here.
 */
final class AirbyteHttp {
    private final CamelHttpTransport transport;
    private final String base;
    private final AirbyteAuth auth;
    private final HttpFailures failures;

    AirbyteHttp(AirbyteSettings settings, CamelHttpTransport transport, AirbyteAuth auth, Clock clock) {
        this.transport = transport;
        this.base = settings.baseUrl().toString();
        this.auth = auth;
        this.failures = new HttpFailures(settings.baseUrl(), new Redactor(settings), clock);
    }

    HttpFailures failures() {
        return failures;
    }

    /** The answer's JSON when it is a 2xx; any other status becomes a typed exception. */
    JsonNode call(ApiRequest request) {
        ApiAnswer answer = exchange(request);
        if (!answer.isSuccess()) {
            throw failures.fromAnswer(request, answer);
        }
        return answer.json();
    }

    /** The answer whatever its status, for callers that treat some statuses (409, 404) themselves. */
    ApiAnswer exchange(ApiRequest request) {
        String authorization = auth.authorization();
        ApiAnswer answer = send(request, authorization);
        if (answer.status() == 401 && auth.renewAfterRejection(authorization)) {
            answer = send(request, auth.authorization());
        }
        return answer;
    }

    private ApiAnswer send(ApiRequest request, String authorization) {
        try {
            return transport.send(
                    request.method(),
                    URI.create(base + request.pathAndQuery()),
                    request.body() == null ? null : request.body().toString(),
                    authorization);
        } catch (IOException e) {
            throw failures.unreachable(request, e);
        }
    }
}
