package org.camelbyte;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteClients;
import org.camelbyte.airbyte.AirbyteSettings;
import org.camelbyte.airbyte.AirbyteTls;
import org.camelbyte.airbyte.ApiFlavour;
import org.camelbyte.airbyte.AuthMode;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.WorkspaceListing;
import org.camelbyte.config.Settings;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Airbyte client from the {@code airbyte.*} keys. With no {@code airbyte.url} the app starts
 * its own stand-in (the embedded default), so it runs with nothing installed.
 */
class AirbyteConnectionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(AirbyteConnectionFactory.class);
    private final Settings settings;
    private AirbyteSettings airbyteSettings;
    private AirbyteStandIn standIn;

    private final Path dataDir;

    AirbyteConnectionFactory(Settings settings, Path dataDir) {
        this.settings = settings;
        this.dataDir = dataDir;
    }

    AirbyteClient client(List<AutoCloseable> closeAtStop) {
        ApiFlavour flavour = settings.getChoice("airbyte.api", "public", ApiFlavour::parse);
        AirbyteSettings.Builder builder = AirbyteSettings.builder().flavour(flavour);
        String url = settings.get("airbyte.url").orElse(null);
        if (url == null) {
            StandInScenario scenario = settings.get("standin.scenario").map(Path::of).map(StandInScenario::load)
                    .orElseGet(StandInScenario::demo);
            // its jobs are kept in the data dir, so after a restart the app follows them to their end
            standIn = AirbyteStandIn.start(scenario, settings.getInt("standin.port", 0), dataDir.resolve("standin-jobs.log"));
            closeAtStop.add(standIn);
            url = flavour == ApiFlavour.PUBLIC ? standIn.publicApiUrl() : standIn.configApiUrl();
            LOG.info("No airbyte.url set: using the embedded Airbyte stand-in at {}", url);
        }
        builder.baseUrl(url)
                .authMode(settings.getChoice("airbyte.auth", "none", AuthMode::parse))
                .username(settings.get("airbyte.username").orElse(null))
                .password(settings.secret("airbyte.password").orElse(null))
                .token(settings.secret("airbyte.token").orElse(null))
                .clientId(settings.get("airbyte.client-id").orElse(null))
                .clientSecret(settings.secret("airbyte.client-secret").orElse(null))
                .tokenUrl(settings.get("airbyte.token-url").orElse(null))
                .workspace(settings.get("airbyte.workspace").orElse(null))
                .requestTimeout(settings.getDuration("airbyte.request-timeout", null))
                .connectTimeout(settings.getDuration("airbyte.connect-timeout", null))
                .workspaceListing(settings.getChoice("airbyte.workspace-listing", "auto", WorkspaceListing::parse))
                .lookupCacheTtl(settings.getDuration("airbyte.lookup-cache-ttl", null))
                .tls(tls());
        try {
            airbyteSettings = builder.build();
            LOG.info("Airbyte: {}", airbyteSettings);
            return AirbyteClients.create(airbyteSettings);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The airbyte.* keys in " + settings.files() + " (or their env vars) do not fit"
                    + " together: " + e.getMessage(), e);
        }
    }

    /** Certificates are verified unless the config says otherwise, and saying so is never silent. */
    private AirbyteTls tls() {
        Path trustStore = settings.get("airbyte.tls.trust-store").map(Path::of).orElse(null);
        if (trustStore != null && !Files.isReadable(trustStore)) {
            throw new IllegalStateException("Config key " + settings.describe("airbyte.tls.trust-store") + " names "
                    + trustStore.toAbsolutePath() + ", which cannot be read; expected a trust store file (PKCS12 unless"
                    + " airbyte.tls.trust-store-type says otherwise).");
        }
        boolean verify = settings.getBoolean("airbyte.tls.verify", true);
        if (!verify) {
            LOG.warn("airbyte.tls.verify = false: Airbyte's certificate and host name are NOT checked, so anyone on"
                    + " the network path can read the Airbyte credentials; configure airbyte.tls.trust-store instead.");
        }
        return new AirbyteTls(trustStore, settings.secret("airbyte.tls.trust-store-password").orElse(null),
                settings.get("airbyte.tls.trust-store-type", "PKCS12"), verify);
    }

    /** The stand-in this factory started, when no airbyte.url was set. */
    Optional<AirbyteStandIn> embeddedStandIn() {
        return Optional.ofNullable(standIn);
    }

    ConnectionLookup lookup(AirbyteClient client) {
        return new ConnectionLookup(client, airbyteSettings.lookupCacheTtl(),
                settings.getDuration("airbyte.lookup-miss-refresh", ConnectionLookup.DEFAULT_MISS_REFRESH),
                java.time.Clock.systemUTC());
    }
}
