package org.camelbyte.airbyte;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.camelbyte.config.Settings;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Airbyte side from the {@code airbyte.*} keys: the client, the connection lookup, the shared
 * circuit breaker and the job watcher ({@code airbyte.watch.*}). With no {@code airbyte.url} the app starts its
 * own stand-in (the embedded default), so it runs with nothing installed.
 */
public final class AirbyteWiring {
    private static final Logger LOG = LoggerFactory.getLogger(AirbyteWiring.class);

    /** Everything the rest of the app uses of Airbyte; {@code standIn} is present when it was started here. */
    public record Airbyte(
            AirbyteClient client,
            ConnectionLookup lookup,
            CircuitBreaker breaker,
            JobWatcher watcher,
            Optional<AirbyteStandIn> standIn) {}

    private AirbyteWiring() {}

    /**
     * {@code decorate} wraps the client every area uses (metrics), the lookup cache's and the watcher's
     * included; with no {@code airbyte.watch.interval}, the watcher looks every {@code shortestPollInterval}
     * (the most eager pipeline's), so that pollInterval keeps its meaning.
     */
    public static Airbyte open(
            Settings settings,
            Path dataDir,
            List<AutoCloseable> closeAtStop,
            UnaryOperator<AirbyteClient> decorate,
            Duration shortestPollInterval) {
        ApiFlavour flavour = settings.getChoice("airbyte.api", ApiFlavour::parse);
        AirbyteSettings.Builder builder = AirbyteSettings.builder().flavour(flavour);
        String url = settings.get("airbyte.url").orElse(null);
        AirbyteStandIn standIn = null;
        if (url == null) {
            StandInScenario scenario = settings.get("standin.scenario")
                    .map(Path::of)
                    .map(StandInScenario::load)
                    .orElseGet(StandInScenario::demo);
            // its jobs are kept in the data dir, so after a restart the app follows them to their end
            standIn = AirbyteStandIn.start(
                    scenario, settings.getInt("standin.port"), dataDir.resolve("standin-jobs.log"));
            closeAtStop.add(standIn);
            url = flavour == ApiFlavour.PUBLIC ? standIn.publicApiUrl() : standIn.configApiUrl();
            LOG.info("No airbyte.url set: using the embedded Airbyte stand-in at {}", url);
        }
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
        JobWatcher watcher = new JobWatcher(
                        client,
                        breaker,
                        clock,
                        settings.getDuration(
                                "airbyte.watch.interval", atLeast(JobWatcher.MIN_INTERVAL, shortestPollInterval)),
                        settings.getDuration("airbyte.watch.single-read-after"),
                        settings.getDuration("airbyte.watch.overlap"),
                        // the embedded stand-in listens on a port picked at each start (standin.port = 0): it is known
                        // by the id kept with its jobs in the data dir, so a restarted app resumes its runs on it
                        standIn == null
                                ? airbyteSettings.instance()
                                : airbyteSettings.instanceCalled("the embedded Airbyte stand-in " + standIn.serverId()))
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
                watcher,
                Optional.ofNullable(standIn));
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
                // a final answer from Airbyte says nothing about its health
                .ignoreExceptions(AirbyteRejectedException.class, ConnectionLookupException.class)
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
