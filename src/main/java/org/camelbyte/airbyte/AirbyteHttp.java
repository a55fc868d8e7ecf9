package org.camelbyte.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends one call to one Airbyte API: one attempt, plus one repeat after a 401 when the credential
 * could be renewed. Retrying anything else is the route's decision, never made here.
 */
final class AirbyteHttp {
    private final HttpClient httpClient;
    private final String base;
    private final AirbyteAuth auth;
    private final Duration requestTimeout;
    private final HttpFailures failures;

    AirbyteHttp(AirbyteSettings settings, HttpClient httpClient, AirbyteAuth auth, Clock clock) {
        this.httpClient = httpClient;
        this.base = settings.baseUrl().toString();
        this.auth = auth;
        this.requestTimeout = settings.requestTimeout();
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
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery()))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (request.body() != null) {
            builder.header("Content-Type", "application/json")
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body().toString()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = httpClient.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiAnswer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw failures.unreachable(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirbyteUnavailableException("Interrupted while calling Airbyte " + failures.where(request)
                    + "; retry.", null, request.createsJob(), e);
        }
    }
}
