package org.camelbyte.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camelbyte.app.FreePort;
import org.camelbyte.app.TestApp;

/**
 * The app as users run it: {@code org.camelbyte.App} in a JVM of its own, configured only through env vars,
 * so a test can SIGKILL or SIGTERM it while the stand-in and the state database in the test JVM live on.
 */
final class ChildApp implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final int httpPort;

    private ChildApp(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /** Starts the app with {@code env} on top of the ports it needs; its output goes to {@code log} (appended). */
    static ChildApp start(Map<String, String> env, Path log) throws IOException {
        return launch(
                new ProcessBuilder(
                        java(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.camelbyte.App"),
                env,
                log);
    }

    /** The runnable jar, started as users start it: {@code java -jar}, in {@code workDir} with its config/ and routes/. */
    static ChildApp startJar(Path jar, Path workDir, Map<String, String> env, Path log) throws IOException {
        return launch(
                new ProcessBuilder(
                                java(),
                                "-XX:TieredStopAtLevel=1",
                                "-jar",
                                jar.toAbsolutePath().toString())
                        .directory(workDir.toFile()),
                env,
                log);
    }

    /**
     * The README's run command, {@code mvn -q compile exec:exec}, in the project folder: Maven forks the app
     * as a JVM of its own ({@link #stopMavenAndAwaitApp}).
     */
    static ChildApp startWithMaven(Map<String, String> env, Path log) throws IOException {
        return launch(new ProcessBuilder("mvn", "-q", "compile", "exec:exec"), env, log);
    }

    private static ChildApp launch(ProcessBuilder builder, Map<String, String> env, Path log) throws IOException {
        // free ports unless the test names its own (a taken one, to see the app refuse it)
        Map<String, String> all = new LinkedHashMap<>();
        all.put("CAMEL_SERVER_PORT", String.valueOf(FreePort.find()));
        all.put("API_TOKEN", TestApp.API_TOKEN);
        all.put("CAMEL_MANAGEMENT_PORT", String.valueOf(FreePort.find()));
        all.putAll(env);
        int httpPort = Integer.parseInt(all.get("CAMEL_SERVER_PORT"));
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(log.toAbsolutePath().toFile()));
        builder.environment().putAll(all);
        return new ChildApp(builder.start(), httpPort);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the HTTP API answers; kills the app and fails when it does not within {@code timeout}. */
    ChildApp awaitReady(Duration timeout) throws InterruptedException {
        try {
            org.awaitility.Awaitility.await()
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(200))
                    .until(this::ready);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /**
     * Whether the HTTP API answers yet. A 404 is not an answer: the HTTP server is up a moment before the API's
     * routes are, and a test that went on at the 404 had its first POST refused the same way.
     */
    boolean ready() {
        try {
            int status = get("/api/pipelines").statusCode();
            return status < 500 && status != 404;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(5))
                        .header("Authorization", "Bearer " + TestApp.API_TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                        .header("Authorization", "Bearer " + TestApp.API_TOKEN)
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed; what the state database holds is all that survives. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C or an orchestrator stops the app; returns how long the stop took. */
    Duration stop() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the app did not stop within 30 s of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The exit status once the app has ended by itself within {@code timeout}; empty while it still runs. */
    java.util.OptionalInt exitWithin(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    /**
     * SIGTERM, or with {@code forcibly} SIGKILL, to this process alone (Maven, for {@link #startWithMaven}),
     * then waits for every process it had started (the app) to end; the time that took.
     */
    Duration stopMavenAndAwaitApp(boolean forcibly, Duration timeout) throws InterruptedException {
        var started = process.descendants().toList();
        long start = System.nanoTime();
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle child : started) {
            try {
                child.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                child.destroyForcibly();
                throw new AssertionError(
                        "process " + child.pid() + " " + child.info().command().orElse("")
                                + " started by Maven still runs " + timeout.toSeconds() + " s after Maven was stopped");
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        // the app Maven forked, when Maven launched it
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            kill();
        }
    }
}
