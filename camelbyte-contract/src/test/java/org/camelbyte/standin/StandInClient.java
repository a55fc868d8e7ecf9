package org.camelbyte.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bare HTTP client for the tests: sends exactly what it is told, parses JSON answers. */
final class StandInClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AirbyteStandIn standIn;
    private String authorization;

    StandInClient(AirbyteStandIn standIn) {
        this.standIn = standIn;
    }

    StandInClient authorization(String header) {
        this.authorization = header;
        return this;
    }

    /** GET on the public API, path relative to /api/public/v1. */
    HttpResponse<String> publicGet(String path) {
        return send(request(standIn.publicApiUrl() + path).GET());
    }

    HttpResponse<String> publicPost(String path, String json) {
        return send(request(standIn.publicApiUrl() + path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> publicDelete(String path) {
        return send(request(standIn.publicApiUrl() + path).DELETE());
    }

    /** POST on the Config API, path relative to /api/v1. */
    HttpResponse<String> configPost(String path, String json) {
        return send(request(standIn.configApiUrl() + path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
