package org.camelbyte.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.camelbyte.app.TestApp;
import org.camelbyte.security.LogCapture;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A table of hostile requests (control characters, oversize parts, extreme numbers and timestamps, unknown enums,
 * wrong types, duplicate keys, trailing content, wrong media types, path tricks, unknown paths and methods, calls
 * from another site) against the real app: each one earns a 4xx problem+json whose sentence names what was
 * wrong, none a 5xx, none starts or changes a run, and the app answers normally after them all.
 */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINES = """
            defaults: { pollInterval: 50ms, timeout: 1m }
            pipelines:
              - { name: quick, connection: quick (TEST) }
            groups:
              - { name: solo, pipelines: [quick] }
            """;
    private static final String SECRET = "hostile-webhook-secret";
    /** Control characters as a client percent-encodes them: NUL, LF, CR, TAB, ESC, DEL, NEL, LINE SEPARATOR. */
    private static final List<String> CONTROLS =
            List.of("%00", "%0A", "%0D", "%09", "%1B", "%7F", "%C2%85", "%E2%80%A8");

    private static AirbyteStandIn standIn;
    private static TestApp app;

    record Hostile(String method, String path, String contentType, String body, String origin, String... named) {}

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.fromYaml("""
                timeScale: 0.01
                workspaces: [{name: Test}]
                connections:
                  - {name: quick (TEST), workspace: Test, job: [{status: running, seconds: 10}, {status: succeeded}]}
                """), 0);
        app = TestApp.with(standIn, PIPELINES)
                .property("airbyte.webhook-secret", SECRET)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        standIn.close();
    }

    @Test
    void everyHostileRequestEarnsAProblemNamingItsFieldAndChangesNothing() throws Exception {
        List<Hostile> table = table();
        assertThat(table).hasSizeGreaterThanOrEqualTo(150);
        int runsBefore = runCount();

        SoftAssertions soft = new SoftAssertions();
        String logged;
        try (LogCapture log = new LogCapture()) {
            for (Hostile h : table) {
                check(soft, h, send(h));
            }
            logged = log.text();
        }
        soft.assertThat(logged)
                .as("no hostile input is logged as the app's error (oversize bodies included)")
                .doesNotContain("[ERROR]", "Unhandled exception");
        soft.assertAll();

        assertThat(runCount()).as("no hostile request started a run").isEqualTo(runsBefore);
        assertThat(app.get("/api/pipelines").statusCode()).isEqualTo(200);
        assertThat(app.startRun("quick")).as("the app still starts runs").isNotBlank();
    }

    private static void check(SoftAssertions soft, Hostile h, HttpResponse<String> answer) {
        String what = h.method() + " " + h.path() + " " + abbreviate(h.body()) + " -> " + answer.statusCode() + " "
                + answer.body();
        soft.assertThat(answer.statusCode()).as(what).isBetween(400, 499);
        soft.assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .as(what)
                .startsWith("application/problem+json");
        JsonNode problem = parse(answer.body());
        soft.assertThat(problem.path("status").asInt()).as(what).isEqualTo(answer.statusCode());
        soft.assertThat(problem.path("detail").asText()).as(what).contains(h.named());
        soft.assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                .as(what)
                .contains("nosniff");
    }

    @Test
    void malformedRequestLinesTheHttpClientWouldNotSendEarnA4xx() throws Exception {
        int port = app.request("/").build().uri().getPort();
        String logged;
        try (LogCapture log = new LogCapture()) {
            for (String target : List.of(
                    "/api/runs?limit=%zz",
                    "/api/runs/%C0%AF",
                    "/api/runs/%FF%FE",
                    "/api/runs?since=%",
                    "/api/pipelines/a%2F..%2F..%2Fb/runs")) {
                String method = target.contains("pipelines") ? "POST" : "GET";
                String answer = raw(
                        port,
                        method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                                + TestApp.API_TOKEN + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                assertThat(answer).as(target).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
                assertThat(answer).as(target).containsIgnoringCase("content-type: application/problem+json");
            }
            // a path Vert.x cannot decode, and a request line past its 4,096 characters, Vert.x refuses itself
            // (400 and 414 in plain text) before any router sees them: still a 4xx, still no route ran
            assertThat(raw(port, "GET /api/runs/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                    .startsWith("HTTP/1.1 400");
            assertThat(raw(port, "GET /api/runs/" + "r".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                    .matches("(?s)HTTP/1\\.[01] 414 .*");
            assertThat(app.get("/api/pipelines").statusCode()).isEqualTo(200);
            logged = log.text();
        }
        assertThat(logged).as("no input is logged as the app's error").doesNotContain("[ERROR]", "Exception");
    }

    private static String raw(int port, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] buffer = new byte[8192];
            int read = socket.getInputStream().read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
        }
    }

    private static List<Hostile> table() {
        List<Hostile> t = new ArrayList<>();
        // control characters in every path parameter
        for (String c : CONTROLS) {
            t.add(post("/api/pipelines/qu" + c + "ick/runs", "", "'name'", "control character"));
            t.add(get("/api/runs/run" + c + "1", "'runId'", "control character"));
            t.add(post("/api/runs/run" + c + "1/cancel", "", "'runId'", "control character"));
            t.add(post("/api/groups/so" + c + "lo/runs", "", "'name'", "control character"));
            t.add(get("/api/group-runs/g" + c + "1", "'groupRunId'", "control character"));
            t.add(post("/api/group-runs/g" + c + "1/retry", "", "'groupRunId'", "control character"));
            t.add(post(AirbyteWebhookRoutes.PATH + SECRET + c, "{}", "'secret'", "control character"));
        }
        // control characters in every query parameter
        for (String c : CONTROLS) {
            for (String p : List.of("pipeline", "status", "trigger", "since", "until", "limit", "cursor")) {
                t.add(get("/api/runs?" + p + "=a" + c + "b", "'" + p + "'", "control character"));
            }
            t.add(get("/api/connections?match=prod" + c, "'match'", "control character"));
            t.add(get("/api/runs?bad" + c + "name=1", "query parameter name", "control character"));
        }
        // oversize parts
        String long201 = "a".repeat(201);
        t.add(post("/api/pipelines/" + long201 + "/runs", "", "'name'", "at most 200"));
        t.add(get("/api/runs/" + long201, "'runId'", "at most 200"));
        t.add(post("/api/runs/" + long201 + "/cancel", "", "'runId'", "at most 200"));
        t.add(post("/api/groups/" + long201 + "/runs", "", "'name'", "at most 200"));
        t.add(get("/api/group-runs/" + long201, "'groupRunId'", "at most 200"));
        t.add(get("/api/runs?pipeline=" + long201, "'pipeline'", "at most 200"));
        t.add(get("/api/connections?match=" + long201, "'match'", "at most 200"));
        t.add(get("/api/runs/" + "r".repeat(3000), "'runId'", "at most 200"));
        t.add(get("/api/runs?" + "x=1&".repeat(40), "parameters"));
        // unknown enums and bad numbers
        for (String v : List.of("foo", "HTTP1", "cron", "webhook", "*", "http,queue")) {
            t.add(get("/api/runs?trigger=" + v, "'trigger'", "http, queue, schedule, group, component"));
        }
        for (String v : List.of("done", "ok", "%25", "queued_x", "1")) {
            t.add(get("/api/runs?status=" + v, "'status'", "succeeded"));
        }
        for (String v : List.of("0", "-1", "501", "99999999999999999999", "1e3", "0x10", "NaN", "1.5", "%2B%2B")) {
            t.add(get("/api/runs?limit=" + v, "'limit'"));
        }
        // timestamps out of range or malformed
        for (String p : List.of("since", "until")) {
            for (String v : List.of(
                    "%2B1000000000-01-01T00:00:00Z",
                    "-999999999-01-01T00:00:00Z",
                    "%2B10000-01-01T00:00:00Z",
                    "0001-01-01T00:00:00Z",
                    "1969-12-31T23:59:59Z",
                    "2026-13-45T00:00:00Z",
                    "yesterday",
                    "1e99",
                    "2026-01-01")) {
                t.add(get("/api/runs?" + p + "=" + v, "'" + p + "'"));
            }
        }
        // tampered cursors
        for (String raw : List.of(
                "2026-01-01T00:00:00Z|run\u0000",
                "2026-01-01T00:00:00Z|run\nforged",
                "+1000000000-01-01T00:00:00Z|run-1",
                "2026-01-01T00:00:00Z|" + "r".repeat(300),
                "no separator",
                "|")) {
            t.add(get("/api/runs?cursor=" + cursor(raw), "'cursor'"));
        }
        t.add(get("/api/runs?cursor=%25%25%25", "'cursor'"));
        // bodies: duplicate keys, trailing content, wrong media types, wrong types, unknown fields, oversize
        for (String path : List.of("/api/pipelines/quick/runs", "/api/groups/solo/runs")) {
            t.add(post(path, "{\"requestId\":\"a\",\"requestId\":\"b\"}", "'requestId'", "twice"));
            t.add(post(path, "{\"requestId\":\"a\"} trailing", "after its JSON value"));
            t.add(post(path, "{\"requestId\":\"a\"}{}", "after its JSON value"));
            t.add(post(path, "{\"requestId\":\"a\"}]", "after its JSON value"));
            t.add(new Hostile("POST", path, "text/plain", "{\"requestId\":\"a\"}", null, "Content-Type"));
            t.add(new Hostile("POST", path, "application/xml", "<run/>", null, "Content-Type"));
            t.add(new Hostile("POST", path, "multipart/form-data; boundary=x", "--x--", null, "Content-Type"));
            t.add(new Hostile("POST", path, null, "{\"requestId\":\"a\"}", null, "Content-Type"));
            t.add(post(path, "{\"requestId\":5}", "requestId"));
            t.add(post(path, "{\"requestId\":[\"a\"]}", "requestId"));
            t.add(post(path, "{\"requestId\":\"a\\nforged\"}", "requestId"));
            t.add(post(path, "{\"requestId\":\"" + "x".repeat(201) + "\"}", "requestId"));
            t.add(post(path, "{\"unknown\":1}", "'unknown'"));
            t.add(post(path, "[1,2]", "JSON object"));
            t.add(post(path, "\"quick\"", "JSON object"));
            t.add(post(path, "{", "JSON"));
            t.add(post(path, "{\"requestId\":\"" + "x".repeat(17_000) + "\"}", "larger than"));
            t.add(post(path, "{\"requestId\":\"" + "x".repeat(100_000) + "\"}", "larger than"));
        }
        t.add(post("/api/pipelines/quick/runs", "{\"jobType\":\"explode\"}", "jobType", "sync, reset, clear"));
        t.add(post("/api/pipelines/quick/runs", "{\"jobType\":1}", "jobType"));
        // the webhook: right secret, wrong bodies
        t.add(post(AirbyteWebhookRoutes.PATH + SECRET, "not json", "jobId"));
        t.add(post(AirbyteWebhookRoutes.PATH + SECRET, "{\"data\":{\"jobId\":\"x\"}}", "data.jobId"));
        t.add(post(AirbyteWebhookRoutes.PATH + SECRET, "{\"data\":{},\"data\":{}}", "'data'", "twice"));
        t.add(new Hostile("POST", AirbyteWebhookRoutes.PATH + SECRET, "text/plain", "{}", null, "Content-Type"));
        t.add(post(AirbyteWebhookRoutes.PATH + "wrong", "{}", "secret"));
        // unknown paths, path tricks and methods
        for (String path : List.of(
                "/api/nope",
                "/api/runs/a/b/c",
                "/api/%2e%2e/%2e%2e/etc/passwd",
                "/page/..%2Fapi-token",
                "/page/%00",
                "/page/app.js%00.png",
                "/data/api-token",
                "/api/pipelines/quick/runs/extra")) {
            t.add(get(path, "/"));
        }
        t.add(new Hostile("DELETE", "/api/pipelines", null, null, null, "DELETE", "openapi.json"));
        t.add(new Hostile("PUT", "/api/runs/run-1", "application/json", "{}", null, "PUT"));
        t.add(new Hostile("PATCH", "/api/pipelines/quick/runs", "application/json", "{}", null, "PATCH"));
        t.add(new Hostile("DELETE", "/api/runs/run-1", null, null, null, "DELETE"));
        // state changes from another site
        for (String origin : List.of("http://evil.example", "null", "https://localhost.evil.example", "http://[::1")) {
            t.add(new Hostile("POST", "/api/pipelines/quick/runs", "application/json", "", origin, "Origin"));
            t.add(new Hostile("POST", "/api/groups/solo/runs", "text/plain", "", origin, "Origin"));
        }
        return t;
    }

    private static Hostile get(String path, String... named) {
        return new Hostile("GET", path, null, null, null, named);
    }

    private static Hostile post(String path, String body, String... named) {
        return new Hostile("POST", path, "application/json", body, null, named);
    }

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(Hostile h) throws Exception {
        HttpRequest.Builder request = app.request(h.path()).header("Authorization", "Bearer " + TestApp.API_TOKEN);
        if (h.contentType() != null) {
            request.header("Content-Type", h.contentType());
        }
        if (h.origin() != null) {
            request.header("Origin", h.origin());
        }
        request.method(
                h.method(),
                h.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(h.body()));
        return app.send(request);
    }

    private static int runCount() throws Exception {
        return app.getJson("/api/runs?limit=500").path("runs").size();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "..." : body;
    }
}
