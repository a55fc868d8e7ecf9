package org.camelbyte.component;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.CamelContext;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.JobWatcher;
import org.camelbyte.config.Beans;
import org.camelbyte.intake.RunRequest;
import org.camelbyte.intake.RunRequests;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStore;

/**
 * Binds the airbyte: component on the app's own client, lookup cache, job watcher and scheduler, so routes
 * of the team's and the app's steps talk to Airbyte one way and a waiting sync costs no call of its own; airbyte:run goes through the run queue like any trigger.
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
            RunStore store) {
        RunHandOff runs = new RunHandOff() {
            @Override
            public Run accept(String pipeline, String requestId) {
                return requests.accept(RunRequest.forPipeline(pipeline, requestId, null, "component"))
                        .run();
            }

            @Override
            public Optional<Run> find(String runId) {
                return store.find(runId);
            }
        };
        AirbyteComponent component = new AirbyteComponent(client, lookup, watcher, scheduler, runs);
        context.getRegistry().bind("airbyte", component);
        context.getRegistry().bind(Beans.AIRBYTE_OUTCOMES, component.outcomes());
    }
}
