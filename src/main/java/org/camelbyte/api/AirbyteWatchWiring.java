package org.camelbyte.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.camel.main.BaseMainSupport;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.config.Beans;
import org.camelbyte.config.Settings;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job watcher of the Airbyte instance ({@code airbyte.watch.*}) and the webhook endpoint that hurries
 * it. With no {@code airbyte.webhook-secret}, a secret is generated once per data dir into a file only its
 * owner reads, as the API token is, and never logged.
 */
public final class AirbyteWatchWiring {
    private static final Logger LOG = LoggerFactory.getLogger(AirbyteWatchWiring.class);
    /** More often than this, the looks cost Airbyte more than the runs gain. */
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    private AirbyteWatchWiring() {}

    public static JobWatcher configure(
            BaseMainSupport main,
            Settings settings,
            AirbyteClient airbyte,
            CircuitBreaker breaker,
            PipelineCatalog catalog,
            Clock clock,
            Path dataDir,
            ObjectMapper json,
            List<AutoCloseable> closeAtStop) {
        JobWatcher watcher = new JobWatcher(
                        airbyte,
                        breaker,
                        clock,
                        settings.getDuration("airbyte.watch.interval", shortestPollInterval(catalog)),
                        settings.getDuration("airbyte.watch.single-read-after"),
                        settings.getDuration("airbyte.watch.overlap"))
                .start();
        closeAtStop.add(watcher);
        main.getCamelContext().getRegistry().bind(Beans.JOB_WATCHER, watcher);
        String secret = settings.secret("airbyte.webhook-secret")
                .orElseGet(() -> generatedSecret(dataDir.resolve("webhook-secret")));
        main.configure().addRoutesBuilder(new AirbyteWebhookRoutes(watcher, secret, json));
        return watcher;
    }

    /** Unset, the watcher looks as often as the most eager pipeline, so its pollInterval keeps its meaning. */
    private static Duration shortestPollInterval(PipelineCatalog catalog) {
        return catalog.routed().stream()
                .map(Pipeline::pollInterval)
                .min(Duration::compareTo)
                .map(d -> d.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : d)
                .orElse(Duration.ofSeconds(10));
    }

    private static String generatedSecret(Path file) {
        try {
            if (Files.isRegularFile(file) && !Files.readString(file).isBlank()) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, secret);
            LOG.info(
                    "No airbyte.webhook-secret set: generated one into {}; Airbyte's webhook URL is"
                            + " http(s)://<this host>:<api port>{}<that secret> (docs/webhooks.md)",
                    file.toAbsolutePath(),
                    AirbyteWebhookRoutes.PATH);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "No airbyte.webhook-secret set and the generated one cannot be kept in " + file
                            + "; set airbyte.webhook-secret (env AIRBYTE_WEBHOOK_SECRET) or make data.dir writable.",
                    e);
        }
    }
}
