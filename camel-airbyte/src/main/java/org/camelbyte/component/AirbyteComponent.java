package org.camelbyte.component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.airbyte.JobWatcherBuilder;
import org.camelbyte.airbyte.WaitScheduler;

/**
 * The {@code airbyte:} component. Its {@link AirbyteConfiguration} ({@code camel.component.airbyte.base-url},
 * {@code ...auth-mode}, ...) is copied into every endpoint, whose URI may override any option; the component
 * keeps one {@link AirbyteAccess} (client, lookup cache, job start, job watcher) per distinct configuration,
 * built when first needed and closed when it stops. Inside the Camelbyte app, the access of its own
 * configuration is the app's (see
 * {@link #AirbyteComponent(AirbyteClient, ConnectionLookup, JobWatcher, ScheduledExecutorService)}).
 */
@Component("airbyte")
public class AirbyteComponent extends HealthCheckComponent {
    private static final int OWN_SCHEDULER_THREADS = 2;

    @Metadata(description = "Which Airbyte to talk to and how to sign in; every endpoint starts from a copy of it.")
    private AirbyteConfiguration configuration = new AirbyteConfiguration();

    /** The host's access, for the component's own configuration; null on its own. */
    private final AirbyteAccess given;

    private final Map<AirbyteConfiguration, AirbyteAccess> accesses = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private boolean ownScheduler;

    @Metadata(
            label = "advanced",
            autowired = true,
            description = "The host application's runs, for airbyte:run and airbyte:outcomes (the Camelbyte app binds"
                    + " them; a plain Camel application has none).")
    private RunHandOff runs;

    public AirbyteComponent() {
        this.given = null;
    }

    /** The app's component: one client, lookup cache, job watcher and scheduler for the whole application. */
    public AirbyteComponent(
            AirbyteClient client, ConnectionLookup lookup, JobWatcher watcher, ScheduledExecutorService scheduler) {
        this.given = AirbyteAccess.given(client, lookup, watcher);
        this.scheduler = scheduler;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AirbyteEndpoint endpoint =
                new AirbyteEndpoint(uri, this, AirbyteOperation.parse(uri, remaining), configuration.copy());
        DurationOptions.read(parameters);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (scheduler == null) {
            scheduler = WaitScheduler.create(getCamelContext(), this, "airbyte-component", OWN_SCHEDULER_THREADS);
            ownScheduler = true;
        }
    }

    @Override
    protected void doStop() throws Exception {
        accesses.values().forEach(a -> a.close(getCamelContext().getExecutorServiceManager()));
        accesses.clear();
        if (ownScheduler) {
            getCamelContext().getExecutorServiceManager().shutdown(scheduler);
            scheduler = null;
            ownScheduler = false;
        }
        super.doStop();
    }

    /** Refuses, at route start, a configuration that cannot make a client (no baseUrl, credentials missing). */
    void check(AirbyteConfiguration wanted, String where) {
        if (given == null || !wanted.equals(configuration)) {
            wanted.toSettings(where);
        }
    }

    /** The access of {@code wanted}: the host's for the component's own configuration, else built once. */
    AirbyteAccess access(AirbyteConfiguration wanted) {
        if (given != null && wanted.equals(configuration)) {
            return given;
        }
        // keyed by a copy: the caller's configuration stays its own to change
        return accesses.computeIfAbsent(
                wanted.copy(), c -> AirbyteAccess.build(c.toSettings("The airbyte component"), getCamelContext()));
    }

    /**
     * Why the Airbyte of {@code wanted} looks unreachable, without making its access: an endpoint that never
     * called shares the news of the others of its configuration; empty when none has called yet.
     */
    Optional<String> trouble(AirbyteConfiguration wanted) {
        AirbyteAccess access = given != null && wanted.equals(configuration) ? given : accesses.get(wanted);
        return access == null ? Optional.empty() : access.trouble();
    }

    /** The job watcher of an access, started when an exchange first waits on it. */
    JobWatcher watcher(AirbyteAccess access, AirbyteConfiguration of) {
        return access.watcher(() -> watchInterval(of), getCamelContext().getExecutorServiceManager(), this);
    }

    /**
     * As often as the most eager waiting sync endpoint of this configuration known at that moment asks (at
     * least {@link JobWatcher#MIN_INTERVAL}), so pollInterval keeps its meaning for static routes.
     */
    private Duration watchInterval(AirbyteConfiguration of) {
        return getCamelContext().getEndpoints().stream()
                .filter(AirbyteEndpoint.class::isInstance)
                .map(AirbyteEndpoint.class::cast)
                .filter(e -> e.getComponent() == this
                        && e.getOperation() == AirbyteOperation.SYNC
                        && e.isWaitForCompletion()
                        && e.getConfiguration().equals(of))
                .map(AirbyteEndpoint::getPollInterval)
                .min(Duration::compareTo)
                .map(d -> d.compareTo(JobWatcher.MIN_INTERVAL) < 0 ? JobWatcher.MIN_INTERVAL : d)
                .orElse(JobWatcherBuilder.DEFAULT_INTERVAL);
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The host's runs, or a sentence saying why airbyte:run and airbyte:outcomes need the Camelbyte app. */
    RunHandOff runs() {
        if (runs == null) {
            throw new IllegalStateException("airbyte:run and airbyte:outcomes work on the Camelbyte app's pipelines"
                    + " and runs, which this Camel context does not have; use airbyte:sync?waitForCompletion=true"
                    + " and route its answer instead.");
        }
        return runs;
    }

    public RunHandOff getRuns() {
        return runs;
    }

    public void setRuns(RunHandOff runs) {
        this.runs = runs;
    }

    public AirbyteConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AirbyteConfiguration configuration) {
        this.configuration = configuration;
    }
}
