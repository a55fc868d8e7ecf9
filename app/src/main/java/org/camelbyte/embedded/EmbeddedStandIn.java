package org.camelbyte.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.camelbyte.airbyteconfig.AirbyteWiring.LocalAirbyte;
import org.camelbyte.config.Settings;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Airbyte stand-in the app starts when no {@code airbyte.url} is set (the embedded default), so it runs
 * with nothing installed; the only place outside tests that knows the stand-in.
 */
public final class EmbeddedStandIn {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStandIn.class);

    private final AirbyteStandIn standIn;

    private EmbeddedStandIn(AirbyteStandIn standIn) {
        this.standIn = standIn;
    }

    /** Started when {@code airbyte.url} is unset ({@code standin.scenario}, {@code standin.port}); else empty. */
    public static Optional<EmbeddedStandIn> startUnlessConfigured(
            Settings settings, Path dataDir, List<AutoCloseable> closeAtStop) {
        if (settings.get("airbyte.url").isPresent()) {
            return Optional.empty();
        }
        StandInScenario scenario = settings.get("standin.scenario")
                .map(Path::of)
                .map(StandInScenario::load)
                .orElseGet(StandInScenario::demo);
        // its jobs are kept in the data dir, so after a restart the app follows them to their end
        AirbyteStandIn standIn =
                AirbyteStandIn.start(scenario, settings.getInt("standin.port"), dataDir.resolve("standin-jobs.log"));
        closeAtStop.add(standIn);
        LOG.info("No airbyte.url set: using the embedded Airbyte stand-in at {}", standIn.publicApiUrl());
        return Optional.of(new EmbeddedStandIn(standIn));
    }

    /**
     * Where the app reaches it. It listens on a port picked at each start (standin.port = 0), so it is known by the
     * id kept with its jobs in the data dir: a restarted app resumes its runs on it.
     */
    public LocalAirbyte airbyte() {
        return new LocalAirbyte(
                standIn.publicApiUrl(), standIn.configApiUrl(), "the embedded Airbyte stand-in " + standIn.serverId());
    }

    /** The demo warehouse gets the destination tables' rows of each succeeded sync, so post-sync steps have rows. */
    public void fillWarehouse(DataSource warehouse) {
        standIn.onJobSucceeded(new DemoWarehouse(warehouse));
    }
}
