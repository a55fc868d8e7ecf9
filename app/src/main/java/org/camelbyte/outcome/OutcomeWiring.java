package org.camelbyte.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.BaseMainSupport;
import org.camelbyte.config.Beans;
import org.camelbyte.config.Settings;
import org.camelbyte.group.GroupRuns;
import org.camelbyte.intake.NotFoundException;
import org.camelbyte.intake.RunRequests;
import org.camelbyte.observe.OutcomeEvents;
import org.camelbyte.run.RunStore;
import org.camelbyte.run.StateWiring.State;

/** Wires the outcome routes, the outbox and its relay ({@code outcomes.uri}, {@code outcomes.relay-*}). */
public final class OutcomeWiring {
    private OutcomeWiring() {}

    /** Answers the relay, whose count of waiting events the operator's API shows. */
    public static OutcomeRelay wire(
            BaseMainSupport main, Settings settings, State state, RunRequests requests, GroupRuns groupRuns) {
        CamelContext context = main.getCamelContext();
        OutcomeEvents events = context.getRegistry().lookupByNameAndType(Beans.OUTCOME_EVENTS, OutcomeEvents.class);
        RunStore store = state.store();
        // a batch's runs in one query: one read per event cost the state database a query per ended run
        OutcomeOutbox.Events runEvents = runIds -> {
            Map<String, String> json = new HashMap<>();
            store.findAll(runIds).forEach(run -> json.put(run.getRunId(), json(() -> events.run(run))));
            return json;
        };
        Function<String, String> groupRunEvent = groupRunId -> json(() -> {
            try {
                return events.groupRun(groupRuns.view(groupRunId));
            } catch (NotFoundException groupGone) {
                // a group removed from pipelines.yaml while its run was open: its event still goes out, as a stub
                return JsonNodeFactory.instance
                        .objectNode()
                        .put("kind", "group-run")
                        .put("eventId", "group-run:" + groupRunId)
                        .put("groupRunId", groupRunId)
                        .put("status", "failed")
                        .put("error", groupGone.getMessage())
                        .toString();
            }
        });
        OutcomeRelay relay = new OutcomeRelay(
                context,
                new OutcomeOutbox(state.database()),
                settings.require("outcomes.uri"),
                runEvents,
                groupRunIds -> groupRunIds.stream().collect(Collectors.toMap(id -> id, groupRunEvent)),
                settings.getDuration("outcomes.relay-interval"),
                settings.getDuration("outcomes.relay-max-pause"));
        try {
            // stopped with the context, after the routes: the events of runs ending during the stop still go out
            context.addService(relay, true, true);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
        context.getRegistry().bind("outcomesHealthCheck", new OutcomesHealthCheck(relay));
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(Beans.METRICS_REGISTRY, MeterRegistry.class);
        if (registry != null) {
            Gauge.builder("camelbyte.outcomes.waiting", relay, OutcomeRelay::waiting)
                    .description("Outcome events recorded but not yet taken by the broker (the outbox)")
                    .register(registry);
        }
        main.configure().addRoutesBuilder(new OutcomeRoutes(requests, groupRuns, relay));
        return relay;
    }

    private interface Json {
        String write() throws JsonProcessingException;
    }

    private static String json(Json event) {
        try {
            return event.write();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outcome event could not be written as JSON", e);
        }
    }
}
