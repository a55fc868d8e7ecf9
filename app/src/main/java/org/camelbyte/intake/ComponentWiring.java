package org.camelbyte.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.CamelContext;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.component.AirbyteComponent;
import org.camelbyte.config.Beans;
import org.camelbyte.run.RunStore;

/**
 * Binds the airbyte: component on the app's own client, lookup cache, job watcher and scheduler, so the
 * team's routes and the app's steps talk to Airbyte one way and a waiting sync costs no call of its own;
 * airbyte:run goes through the run queue like any trigger.
 */
public final class ComponentWiring {

    private ComponentWiring() {}

    public static void bind(
            CamelContext context,
            AirbyteClient client,
            ConnectionLookup lookup,
            JobWatcher watcher,
            ScheduledExecutorService scheduler,
            RunRequests requests,
            RunStore store,
            ObjectMapper json) {
        ComponentRuns runs = new ComponentRuns(requests, store, json);
        AirbyteComponent component = new AirbyteComponent(client, lookup, watcher, scheduler);
        component.setRuns(runs);
        context.getRegistry().bind("airbyte", component);
        context.getRegistry().bind(Beans.AIRBYTE_OUTCOMES, runs);
    }
}
