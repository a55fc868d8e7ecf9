package org.camelbyte.airbyte;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * One pooled JDK HttpClient per Airbyte instance (scheme, host, port), shared by every client built for
 * it, so pipelines reuse connections instead of each opening their own pool.
 */
final class SharedHttpClients {
    private static final Map<Instance, HttpClient> BY_INSTANCE = new ConcurrentHashMap<>();
    private static final int RESPONSE_THREADS = 4;

    private SharedHttpClients() {}

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "airbyte-http");
        thread.setDaemon(true);
        return thread;
    }

    /** Clients differing in how they trust the server must not share a pool. */
    private record Instance(String origin, Duration connectTimeout, AirbyteTls tls) {}

    static HttpClient forInstance(URI baseUrl, Duration connectTimeout, AirbyteTls tls) {
        Instance key = new Instance(baseUrl.getScheme() + "://" + baseUrl.getAuthority(), connectTimeout, tls);
        return BY_INSTANCE.computeIfAbsent(key, ignored -> HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .sslContext(tls.sslContext())
                // HTTP/1.1: plain-http h2c upgrade requests confuse some proxies in front of self-managed Airbyte.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                // the default executor is an unbounded cached pool: hundreds of polling runs would get a thread each
                .executor(Executors.newFixedThreadPool(RESPONSE_THREADS, SharedHttpClients::daemon))
                .build());
    }
}
