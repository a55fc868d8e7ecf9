package org.camelbyte.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camelbyte.app.TestApp;
import org.camelbyte.app.TestPostgres;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.Test;

/**
 * What Prometheus reads before a single run: JVM and process metrics beside ours, a help text on every
 * camelbyte series, every series a dashboard or alert names already there at zero, no camelContext label on some series and not others.
 */
class MetricsSchemeTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - { name: orders, connection: orders (TEST) }
              - name: billing
                connection: billing (TEST)
                postSync:
                  dataSource: warehouse
                  checks:
                    - { type: row_count, table: public.orders, min: 0 }
            groups:
              - { name: nightly, pipelines: [orders, billing] }
            """;
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (.*)$");

    @Test
    void beforeAnyRunEverySeriesIsThereWithHelpTextAndOneLabelScheme() throws Exception {
        String text;
        try (AirbyteStandIn standIn = AirbyteStandIn.start(
                        StandInScenario.load(Path.of("app/src/test/resources/scenarios/flow.yaml")), 0);
                TestApp app = TestApp.with(standIn, PIPELINES)
                        .property("datasource.warehouse.jdbc-url", TestPostgres.newDatabase("warehouse"))
                        .start()) {
            text = Scrape.management(app, "/observe/metrics").body();
        }
        List<String> lines = text.lines().toList();

        Set<String> names = new TreeSet<>();
        Set<String> contexts = new TreeSet<>();
        for (String line : lines) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            names.add(m.group(1));
            Map<String, String> labels = labels(m.group(3));
            if (labels.containsKey("camelContext")) {
                contexts.add(labels.get("camelContext"));
            }
        }

        assertThat(names)
                .as("JVM and process metrics")
                .contains(
                        "jvm_memory_used_bytes",
                        "jvm_threads_live_threads",
                        "jvm_classes_loaded_classes",
                        "process_cpu_usage",
                        "system_cpu_count",
                        "process_uptime_seconds",
                        "process_files_open_files");
        assertThat(names.stream().anyMatch(n -> n.startsWith("jvm_gc_")))
                .as("GC metrics")
                .isTrue();
        assertThat(contexts)
                .as("series labelled with their camelContext, which others are not")
                .isEmpty();

        List<String> emptyHelp = lines.stream()
                .filter(l -> l.startsWith("# HELP camelbyte_"))
                .filter(l -> l.split(" ", 4).length < 4 || l.split(" ", 4)[3].isBlank())
                .toList();
        assertThat(emptyHelp).as("camelbyte series without help text").isEmpty();

        for (String pipeline : List.of("orders", "billing")) {
            for (String status : List.of("succeeded", "failed", "cancelled", "timed_out", "skipped")) {
                assertThat(text)
                        .contains("camelbyte_runs_total{pipeline=\"" + pipeline + "\",status=\"" + status + "\"} 0.0")
                        .contains("camelbyte_run_duration_seconds_count{pipeline=\"" + pipeline + "\",status=\""
                                + status + "\"} 0");
            }
            assertThat(text)
                    .contains("camelbyte_rows_synced_total{pipeline=\"" + pipeline + "\"} 0.0")
                    .contains("camelbyte_detection_lag_seconds_count{pipeline=\"" + pipeline + "\"} 0");
        }
        assertThat(text)
                .contains("camelbyte_group_runs_total{group=\"nightly\",status=\"failed\"} 0.0")
                .contains("camelbyte_queue_requests_total{outcome=\"dead_lettered\"} 0.0")
                .contains("camelbyte_circuit_breaker_transitions_total{from=\"closed\",name=")
                .contains("camelbyte_run_retries_total{step=\"run-trigger\"} 0.0")
                .contains("camelbyte_quality_checks_total{kind=\"row_count\",result=\"failed\"} 0.0")
                .contains("camelbyte_airbyte_calls_seconds_count{operation=\"start_job\","
                        + "outcome=\"unavailable\"} 0");
    }

    private static Map<String, String> labels(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        return Arrays.stream(text.split(",(?=[a-zA-Z_]+=\")"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1].replaceAll("^\"|\"$", ""), (a, b) -> a));
    }
}
