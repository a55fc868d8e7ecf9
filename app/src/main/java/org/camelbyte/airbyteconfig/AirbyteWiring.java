package org.camelbyte.airbyteconfig;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.camel.spi.ExecutorServiceManager;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteClients;
import org.camelbyte.airbyte.AirbyteRejectedException;
import org.camelbyte.airbyte.AirbyteSettings;
import org.camelbyte.airbyte.AirbyteTls;
import org.camelbyte.airbyte.ApiFlavour;
import org.camelbyte.airbyte.AuthMode;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.ConnectionLookupException;
import org.camelbyte.airbyte.JobJustEndedException;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.airbyte.JobWatcherBuilder;
import org.camelbyte.airbyte.WorkspaceListing;
import org.camelbyte.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Airbyte side from the {@code airbyte.*} keys: the client, the connection lookup, the shared
 * circuit breaker and the job watcher ({@code airbyte.watch.*}). With no {@code airbyte.url} the app talks to
 * the Airbyte it started itself (the embedded stand-in).
 */
public final class AirbyteWiring {
    private static final Logger LOG = LoggerFactory.getLogger(AirbyteWiring.class);

    /** Everything the rest of the app uses of Airbyte. */
    public record Airbyte(AirbyteClient client, ConnectionLookup lookup, CircuitBreaker breaker, JobWatcher watcher) {}

    /** An Airbyte the app started itself, used when no {@code airbyte.url} is set; known by its own name. */
    public record LocalAirbyte(String publicApiUrl, String configApiUrl, String instanceName) {}

    private AirbyteWiring() {}

    /**
     * {@code decorate} wraps the client every area uses (metrics), the lookup cache's and the watcher's
     * included; with no {@code airbyte.watch.interval}, the watcher looks every {@code shortestPollInterval}
     * (the most eager pipeline's), so that pollInterval keeps its meaning.
     */
    public static Airbyte open(
            Settings settings,
            Optional<LocalAirbyte> local,
            List<AutoCloseable> closeAtStop,
            UnaryOperator<AirbyteClient> decorate,
            Duration shortestPollInterval) {
        ApiFlavour flavour = settings.getChoice("airbyte.api", ApiFlavour::parse);
        AirbyteSettings.Builder builder = AirbyteSettings.builder().flavour(flavour);
        String url = settings.get("airbyte.url")
                .orElseGet(() -> local.map(l -> flavour == ApiFlavour.PUBLIC ? l.publicApiUrl() : l.configApiUrl())
                        .orElseThrow());
        builder.baseUrl(url)
                .authMode(settings.getChoice("airbyte.auth", AuthMode::parse))
                .username(settings.get("airbyte.username").orElse(null))
                .password(settings.secret("airbyte.password").orElse(null))
                .token(settings.secret("airbyte.token").orElse(null))
                .clientId(settings.get("airbyte.client-id").orElse(null))
                .clientSecret(settings.secret("airbyte.client-secret").orElse(null))
                .tokenUrl(settings.get("airbyte.token-url").orElse(null))
                .workspace(settings.get("airbyte.workspace").orElse(null))
                .requestTimeout(settings.getDuration("airbyte.request-timeout"))
                .connectTimeout(settings.getDuration("airbyte.connect-timeout"))
                .workspaceListing(settings.getChoice("airbyte.workspace-listing", WorkspaceListing::parse))
                .lookupCacheTtl(settings.getDuration("airbyte.lookup-cache-ttl"))
                .tls(tls(settings));
        AirbyteSettings airbyteSettings;
        try {
            airbyteSettings = builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The airbyte.* keys in " + settings.files() + " (or their env vars) do not fit" + " together: "
                            + e.getMessage(),
                    e);
        }
        LOG.info("Airbyte: {}", airbyteSettings);
        AirbyteClient client = decorate.apply(AirbyteClients.create(airbyteSettings, settings.camelContext()));
        Clock clock = Clock.systemUTC();
        CircuitBreaker breaker = circuitBreaker(settings);
        // its threads are the app context's, which shuts them down when it stops
        ExecutorServiceManager threads = settings.camelContext().getExecutorServiceManager();
        Duration interval =
                settings.getDuration("airbyte.watch.interval", atLeast(JobWatcher.MIN_INTERVAL, shortestPollInterval));
        JobWatcherBuilder watching =
                JobWatcher.builder(client).breaker(breaker).clock(clock).interval(interval);
        afterEnds(settings, interval, watching);
        JobWatcher watcher = watching.singleReadAfter(settings.getDuration("airbyte.watch.single-read-after"))
                .overlap(settings.getDuration("airbyte.watch.overlap"))
                .instance(local.map(l -> airbyteSettings.instanceCalled(l.instanceName()))
                        .orElseGet(airbyteSettings::instance))
                .threads(
                        threads.newSingleThreadScheduledExecutor(AirbyteWiring.class, "airbyte-watcher"),
                        threads.newFixedThreadPool(AirbyteWiring.class, "airbyte-watcher-reads", JobWatcher.READERS))
                .start();
        closeAtStop.add(watcher);
        return new Airbyte(
                client,
                new ConnectionLookup(
                        client,
                        airbyteSettings.lookupCacheTtl(),
                        settings.getDuration("airbyte.lookup-miss-refresh"),
                        clock),
                breaker,
                watcher);
    }

    /**
     * Empty keeps the watcher's default, a quarter of the interval. The builder refuses a value under the shortest
     * interval; the app's refusal names the key to change.
     */
    private static void afterEnds(Settings settings, Duration interval, JobWatcherBuilder builder) {
        Duration afterEnds = settings.getDuration("airbyte.watch.after-ends", null);
        try {
            builder.afterEnds(afterEnds);
        } catch (IllegalArgumentException tooSoon) {
            throw new IllegalStateException(
                    "Config key " + settings.describe("airbyte.watch.after-ends") + " is " + afterEnds.toMillis()
                            + " ms: set " + JobWatcher.MIN_INTERVAL.toMillis() + "ms or more (the interval, "
                            + interval.toMillis() + " ms, for no look sooner than it), or leave it empty for a"
                            + " quarter of the interval.",
                    tooSoon);
        }
    }

    private static Duration atLeast(Duration floor, Duration wanted) {
        return wanted.compareTo(floor) < 0 ? floor : wanted;
    }

    /** Certificates are verified unless the config says otherwise, and saying so is never silent. */
    private static AirbyteTls tls(Settings settings) {
        Path trustStore = settings.get("airbyte.tls.trust-store").map(Path::of).orElse(null);
        if (trustStore != null && !Files.isReadable(trustStore)) {
            throw new IllegalStateException("Config key " + settings.describe("airbyte.tls.trust-store") + " names "
                    + trustStore.toAbsolutePath() + ", which cannot be read; expected a trust store file (PKCS12 unless"
                    + " airbyte.tls.trust-store-type says otherwise).");
        }
        boolean verify = settings.getBoolean("airbyte.tls.verify");
        if (!verify) {
            LOG.warn("airbyte.tls.verify = false: Airbyte's certificate and host name are NOT checked, so anyone on"
                    + " the network path can read the Airbyte credentials; configure airbyte.tls.trust-store instead.");
        }
        return new AirbyteTls(
                trustStore,
                settings.secret("airbyte.tls.trust-store-password").orElse(null),
                settings.require("airbyte.tls.trust-store-type"),
                verify);
    }

    /** One breaker per Airbyte instance, shared by every route; Resilience4j's defaults suit no job this small. */
    private static CircuitBreaker circuitBreaker(Settings settings) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.getInt("airbyte.circuit-breaker.window"))
                .minimumNumberOfCalls(settings.getInt("airbyte.circuit-breaker.minimum-calls"))
                .failureRateThreshold((float) settings.getDouble("airbyte.circuit-breaker.failure-rate"))
                .waitDurationInOpenState(settings.getDuration("airbyte.circuit-breaker.open-for"))
                .permittedNumberOfCallsInHalfOpenState(settings.getInt("airbyte.circuit-breaker.half-open-calls"))
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // a final answer from Airbyte says nothing about its health, nor does a job that ended meanwhile
                .ignoreExceptions(
                        AirbyteRejectedException.class, ConnectionLookupException.class, JobJustEndedException.class)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("airbyte", config);
        breaker.getEventPublisher()
                .onStateTransition(e -> LOG.warn(
                        "Airbyte circuit breaker {} -> {}",
                        e.getStateTransition().getFromState(),
                        e.getStateTransition().getToState()));
        return breaker;
    }
}
