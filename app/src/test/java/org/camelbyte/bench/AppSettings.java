package org.camelbyte.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The settings each app phase runs with. Every app phase starts from config/application.properties as
 * shipped, applied over TestApp's test values (its 100 ms retries and 1 s progress step are for tests, not
 * for a benchmark), so the embedded PostgreSQL state database with fsync on, the shipped pools and limits
 * are what runs unless a phase says otherwise. The polling-only and webhooks phases then apply
 * {@link #BENCH}; the shipped-defaults phase applies nothing more.
 */
final class AppSettings {
    static final Path SHIPPED_FILE = Path.of("config", "application.properties");
    static final String WEBHOOK_SECRET = "bench-webhook-secret";

    /** Keys that point the app at the bench's stand-in, data dir and free ports: the bench's, whatever shipped. */
    private static final Set<String> ENVIRONMENT = Set.of(
            "airbyte.url",
            "data.dir",
            "pipelines.file",
            "camel.server.port",
            "camel.management.port",
            "broker.embedded.port");

    /** The benchmark settings, each with why; the page lists them beside the shipped value. */
    private static final Map<String, String[]> BENCH = new LinkedHashMap<>();

    static {
        bench(
                "runs.progress-every",
                "1h",
                "progress lines and rows written while a sync runs are not what is measured; shipped 30 s");
    }

    private AppSettings() {}

    private static void bench(String key, String value, String why) {
        BENCH.put(key, new String[] {value, why});
    }

    /** The overrides a phase starts the app with. */
    static Map<String, String> of(PhaseKind kind) {
        Map<String, String> settings = new HashMap<>(shipped());
        settings.keySet().removeAll(ENVIRONMENT);
        if (kind != PhaseKind.APP_SHIPPED) {
            BENCH.forEach((key, valueAndWhy) -> settings.put(key, valueAndWhy[0]));
        }
        if (kind == PhaseKind.APP_WEBHOOKS) {
            // where the stand-in posts its notifications; unset, the app would generate one into its data dir
            settings.put("airbyte.webhook-secret", WEBHOOK_SECRET);
        }
        return settings;
    }

    /** config/application.properties as shipped (the bench runs from the repository root). */
    static Map<String, String> shipped() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(SHIPPED_FILE, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SHIPPED_FILE + "; run from the repository root", e);
        }
        Map<String, String> map = new HashMap<>();
        p.forEach((k, v) -> map.put(k.toString(), v.toString().trim()));
        return map;
    }

    /** A Markdown table: each setting the phases differ in, shipped against the benchmark's, and why. */
    static String markdown() {
        Map<String, String> shipped = shipped();
        StringBuilder sb = new StringBuilder()
                .append("| setting | shipped-defaults phase (as shipped) | polling-only and webhooks phases | why |\n")
                .append("|---|---|---|---|\n");
        BENCH.forEach((key, valueAndWhy) -> sb.append("| `")
                .append(key)
                .append("` | ")
                .append(shipped.getOrDefault(key, "not set (the library's default)"))
                .append(" | ")
                .append(valueAndWhy[0])
                .append(" | ")
                .append(valueAndWhy[1])
                .append(" |\n"));
        return sb.toString();
    }
}
