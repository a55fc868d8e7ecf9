package org.camelbyte.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.camelbyte.config.Beans;
import org.camelbyte.config.Settings;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.StateWiring.State;

/**
 * Wires intake: the run requests the schedule and queue routes call, the queue's request check and its
 * requestId repository in the state database, the pipeline routes, lease renewal and takeover, schedule catch-up.
 */
public final class IntakeWiring {
    /** What the app calls at start ({@code takeover}), at stop, and what other areas start runs with. */
    public record Intake(RunRequests requests, RunTakeover takeover, CamelContext context) {
        /** The first step of a stop: schedules fire no more (the queue and HTTP consumers stop with Camel). */
        public void pauseSchedules() {
            QuartzWiring.standby(context);
        }
    }

    private IntakeWiring() {}

    public static Intake wire(
            BaseMainSupport main,
            Settings settings,
            PipelineCatalog catalog,
            State state,
            ObjectMapper json,
            Clock clock) {
        CamelContext context = main.getCamelContext();
        RunRequests requests =
                new RunRequests(catalog, state.store(), state.leases(), context.createProducerTemplate(), clock);
        context.getRegistry().bind(Beans.RUN_REQUESTS, requests);
        RunTakeover takeover = new RunTakeover(state.leases(), state.store(), requests);
        JdbcMessageIdRepository requestIds = new JdbcMessageIdRepository(state.database(), "run-requests");
        main.configure().addRoutesBuilder(new QueueTriggerRoutes(new RunRequestParser(json), requests, requestIds));
        main.configure().addRoutesBuilder(new PipelineRoutes(catalog, requests));
        main.configure()
                .addRoutesBuilder(new RunLeaseRoutes(takeover, state.lease().duration()));
        QuartzWiring.configure(
                context, settings, state.database(), state.lease().owner());
        return new Intake(requests, takeover, context);
    }
}
