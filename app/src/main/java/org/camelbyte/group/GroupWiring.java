package org.camelbyte.group;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.camelbyte.config.Beans;
import org.camelbyte.intake.RunRequests;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.StateWiring.State;

/** Wires group runs: their records in the state database, the bean the YAML routes call, the group schedules. */
public final class GroupWiring {
    private GroupWiring() {}

    public static GroupRuns wire(
            BaseMainSupport main,
            PipelineCatalog catalog,
            State state,
            RunRequests requests,
            ObjectMapper json,
            Clock clock) {
        CamelContext context = main.getCamelContext();
        GroupRuns groupRuns = new GroupRuns(
                catalog,
                new GroupRunStore(state.database(), json),
                state.store(),
                requests,
                context.createProducerTemplate(),
                clock);
        context.getRegistry().bind(Beans.GROUP_RUNS, groupRuns);
        main.configure().addRoutesBuilder(new GroupRoutes(catalog, groupRuns));
        return groupRuns;
    }
}
