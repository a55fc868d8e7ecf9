package org.camelbyte.component;

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

/**
 * The {@code airbyte:} component. Inside the Camelbyte app it shares the app's client, lookup cache,
 * scheduler and run queue (see {@link #AirbyteComponent(AirbyteClient, ConnectionLookup, ScheduledExecutorService, RunHandOff)});
 * on its own it builds them from its {@link AirbyteConfiguration} when the context starts.
 */
@Component("airbyte")
public class AirbyteComponent extends DefaultComponent {
    private static final int OWN_SCHEDULER_THREADS = 2;

    @Metadata(description = "Which Airbyte to talk to and how to sign in.")
    private AirbyteConfiguration configuration = new AirbyteConfiguration();

    private AirbyteClient client;
    private ConnectionLookup lookup;
    private ScheduledExecutorService scheduler;
    private boolean ownScheduler;
    private final RunHandOff runs;
    private final RunOutcomes outcomes = new RunOutcomes();

    public AirbyteComponent() {
        this.runs = null;
    }

    /** The app's component: one client, one lookup cache, one scheduler for the whole application. */
    public AirbyteComponent(
            AirbyteClient client, ConnectionLookup lookup, ScheduledExecutorService scheduler, RunHandOff runs) {
        this.client = client;
        this.lookup = lookup;
        this.scheduler = scheduler;
        this.runs = runs;
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
        if (scheduler == null) {
            scheduler = getCamelContext()
                    .getExecutorServiceManager()
                    .newScheduledThreadPool(this, "airbyte-component", OWN_SCHEDULER_THREADS);
            ownScheduler = true;
        }
    }

    @Override
    protected void doStop() throws Exception {
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

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The app's run queue, or a sentence saying why airbyte:run needs the app. */
    RunHandOff runs() {
        if (runs == null) {
            throw new IllegalStateException("airbyte:run hands a run to the Camelbyte app's pipelines and run queue,"
                    + " which this Camel context does not have; use airbyte:sync here, or run the route in the app.");
        }
        return runs;
    }

    /** Where the app publishes every run's outcome, for airbyte:outcomes consumers. */
    public RunOutcomes outcomes() {
        return outcomes;
    }

    public AirbyteConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AirbyteConfiguration configuration) {
        this.configuration = configuration;
    }
}
