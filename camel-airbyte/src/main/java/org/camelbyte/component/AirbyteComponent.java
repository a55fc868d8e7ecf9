package org.camelbyte.component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteClients;
import org.camelbyte.airbyte.AirbyteSettings;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.JobStart;
import org.camelbyte.airbyte.JobWatcher;

/**
 * The {@code airbyte:} component. Inside the Camelbyte app it shares the app's client, lookup cache, job
 * watcher, scheduler and run queue (see
 * {@link #AirbyteComponent(AirbyteClient, ConnectionLookup, JobWatcher, ScheduledExecutorService)});
 * on its own it builds them from its {@link AirbyteConfiguration} when the context starts, and its job
 * watcher when an exchange first waits for a job.
 */
@Component("airbyte")
public class AirbyteComponent extends DefaultComponent {
    private static final int OWN_SCHEDULER_THREADS = 2;

    @Metadata(description = "Which Airbyte to talk to and how to sign in.")
    private AirbyteConfiguration configuration = new AirbyteConfiguration();

    private AirbyteClient client;
    private ConnectionLookup lookup;
    private JobStart jobStart;
    private JobWatcher watcher;
    private boolean ownWatcher;
    private ScheduledExecutorService scheduler;
    private boolean ownScheduler;

    @Metadata(
            label = "advanced",
            autowired = true,
            description = "The host application's runs, for airbyte:run and airbyte:outcomes (the Camelbyte app binds"
                    + " them; a plain Camel application has none).")
    private RunHandOff runs;

    public AirbyteComponent() {}

    /** The app's component: one client, lookup cache, job watcher and scheduler for the whole application. */
    public AirbyteComponent(
            AirbyteClient client, ConnectionLookup lookup, JobWatcher watcher, ScheduledExecutorService scheduler) {
        this.client = client;
        this.lookup = lookup;
        this.watcher = watcher;
        this.scheduler = scheduler;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AirbyteEndpoint endpoint = new AirbyteEndpoint(uri, this, AirbyteOperation.parse(uri, remaining));
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (client == null) {
            AirbyteSettings settings = configuration.toSettings();
            client = AirbyteClients.create(settings, getCamelContext());
            lookup = new ConnectionLookup(client, settings.lookupCacheTtl());
        }
        // the component's calls go to Airbyte directly (the app's run steps use its shared breaker)
        jobStart = new JobStart(client, JobStart.Calls.DIRECT);
        if (scheduler == null) {
            scheduler = getCamelContext()
                    .getExecutorServiceManager()
                    .newScheduledThreadPool(this, "airbyte-component", OWN_SCHEDULER_THREADS);
            ownScheduler = true;
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (ownWatcher) {
                watcher.close();
                watcher = null;
                ownWatcher = false;
            }
        }
        if (ownScheduler) {
            getCamelContext().getExecutorServiceManager().shutdown(scheduler);
            scheduler = null;
            ownScheduler = false;
        }
        super.doStop();
    }

    AirbyteClient client() {
        return client;
    }

    ConnectionLookup lookup() {
        return lookup;
    }

    JobStart jobStart() {
        return jobStart;
    }

    /** The app's watcher, or this component's own, started when first needed (most routes never wait). */
    synchronized JobWatcher watcher() {
        if (watcher == null) {
            watcher = OwnJobWatcher.start(client, waitingPollIntervals());
            ownWatcher = true;
        }
        return watcher;
    }

    /** The poll intervals of this component's endpoints that wait for a job, so the watcher looks as often. */
    private List<Duration> waitingPollIntervals() {
        return getCamelContext().getEndpoints().stream()
                .filter(AirbyteEndpoint.class::isInstance)
                .map(AirbyteEndpoint.class::cast)
                .filter(e -> e.getComponent() == this
                        && e.getOperation() == AirbyteOperation.SYNC
                        && e.isWaitForCompletion())
                .map(AirbyteEndpoint::pollIntervalDuration)
                .toList();
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
