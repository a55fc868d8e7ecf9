package org.camelbyte;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.camelbyte.airbyteconfig.AirbyteWiring;
import org.camelbyte.airbyteconfig.AirbyteWiring.Airbyte;
import org.camelbyte.config.Beans;
import org.camelbyte.config.Settings;
import org.camelbyte.group.GroupRuns;
import org.camelbyte.group.GroupWiring;
import org.camelbyte.intake.ComponentWiring;
import org.camelbyte.intake.IntakeWiring;
import org.camelbyte.intake.IntakeWiring.Intake;
import org.camelbyte.observe.ObserveWiring;
import org.camelbyte.outcome.OutcomeRelay;
import org.camelbyte.outcome.OutcomeWiring;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.steps.RunsAtStop;
import org.camelbyte.steps.StepsWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Airbyte side and the runs: the Airbyte client and job watcher, the run steps, intake, group runs,
 * outcomes and the {@code airbyte:} component, wired in the order they look each other up; and what the
 * runs do once the app has started (resume) and while it stops. A start that fails half-way leaves the
 * parts not wired null, so a stop does only what applies.
 */
final class AirbyteRuns {
    private static final Logger LOG = LoggerFactory.getLogger(AirbyteRuns.class);
    private Airbyte airbyte;
    private Intake intake;
    private GroupRuns groupRuns;
    private RunsAtStop runsAtStop;
    private OutcomeRelay outcomes;

    void wire(
            BaseMainSupport main,
            Settings settings,
            PipelineCatalog catalog,
            LocalServices local,
            ObserveWiring observe,
            ObjectMapper json,
            Clock clock,
            OpenedResources opened) {
        CamelContext context = main.getCamelContext();
        airbyte = AirbyteWiring.open(
                settings, local.localAirbyte(), opened.list(), observe::metered, catalog.shortestPollInterval());
        // before the outcomes: they look up the outcome events' JSON that observing binds
        observe.watch(airbyte.breaker(), local.state().database(), catalog, json, opened.list());
        runsAtStop =
                StepsWiring.wire(main, settings, catalog, airbyte, local.state(), local.dataSources(), json, clock);
        intake = IntakeWiring.wire(main, settings, catalog, local.state(), json, clock);
        groupRuns = GroupWiring.wire(main, catalog, local.state(), intake.requests(), json, clock);
        outcomes = OutcomeWiring.wire(main, settings, local.state(), intake.requests(), groupRuns);
        ComponentWiring.bind(
                context,
                airbyte.client(),
                airbyte.lookup(),
                airbyte.watcher(),
                context.getRegistry().lookupByNameAndType(Beans.RUN_SCHEDULER, ScheduledExecutorService.class),
                intake.requests(),
                local.state().store(),
                json);
    }

    Airbyte airbyte() {
        return airbyte;
    }

    Intake intake() {
        return intake;
    }

    GroupRuns groupRuns() {
        return groupRuns;
    }

    OutcomeRelay outcomes() {
        return outcomes;
    }

    /** Once Camel has started: runs left unfinished by an earlier instance or start are taken over. */
    void resume() {
        intake.takeover().renewAndTakeOver();
        groupRuns.resumeRunning();
    }

    /** Intake first, then runs.on-stop, then the job watcher, while Camel still runs. */
    void beforeStop() {
        if (intake != null) {
            intake.pauseSchedules();
        }
        if (runsAtStop != null) {
            try {
                runsAtStop.apply();
            } catch (RuntimeException e) {
                // a stop must still stop: the runs keep their records, and the next start (or another instance) resumes
                // them
                LOG.warn(
                        "Applying runs.on-stop failed ({}); the app stops anyway and its runs are resumed later",
                        e.getMessage());
            }
        }
        if (airbyte != null) {
            // its batched looks go through camel-http, which stops with Camel: a look after that failed with
            // "Connection pool shut down"; the runs it wakes are not waited for by a stop anyway
            try {
                airbyte.watcher().close();
            } catch (Exception e) {
                LOG.warn("Stopping the job watcher failed: {}", e.getMessage());
            }
        }
    }

    /** Once Camel has stopped, so no renewal follows the release. */
    void afterStop() {
        if (intake != null) {
            try {
                intake.takeover().releaseAll();
            } catch (RuntimeException e) {
                LOG.warn(
                        "Releasing run leases at stop failed ({}); other instances take the runs over when the leases pass",
                        e.getMessage());
            }
        }
    }
}
