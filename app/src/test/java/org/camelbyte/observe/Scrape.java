package org.camelbyte.observe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camelbyte.app.TestApp;

/** One read of the app's Prometheus page, as Prometheus reads it: series {@code name{labels}} and their values. */
final class Scrape {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Map<String, Double> series = new LinkedHashMap<>();

    private Scrape(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
    }

    static Scrape of(TestApp app) throws IOException, InterruptedException {
        return new Scrape(management(app, "/observe/metrics").body());
    }

    /** A GET on the management port (health, metrics): no token, as Prometheus and Kubernetes probes call it. */
    static HttpResponse<String> management(TestApp app, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + app.property("camel.management.port") + path);
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum over the series of this name carrying every given label ({@code pipeline="orders"}); 0 when none. */
    double value(String name, String... labels) {
        return series.entrySet().stream()
                .filter(e -> matches(e.getKey(), name, labels))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** The series of this name with their values, for a failure message. */
    String series(String name) {
        return series.entrySet().stream()
                .filter(e -> matches(e.getKey(), name))
                .map(Object::toString)
                .collect(java.util.stream.Collectors.joining(", ", name + ": [", "]"));
    }

    boolean has(String name) {
        return series.keySet().stream().anyMatch(key -> matches(key, name));
    }

    /** Every metric name on the page, without labels. */
    java.util.Set<String> names() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        series.keySet().forEach(key -> names.add(key.replaceFirst("\\{.*", "")));
        return names;
    }

    private static boolean matches(String key, String name, String... labels) {
        if (!key.equals(name) && !key.startsWith(name + "{")) {
            return false;
        }
        for (String label : labels) {
            if (!key.contains(label)) {
                return false;
            }
        }
        return true;
    }
}
