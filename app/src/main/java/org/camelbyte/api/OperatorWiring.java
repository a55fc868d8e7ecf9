package org.camelbyte.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.camel.main.BaseMainSupport;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.RunEnds;
import org.camelbyte.run.RunStore;

/** Adds the operator's API and the status page to the app. */
public final class OperatorWiring {
    private OperatorWiring() {}

    public static void configure(
            BaseMainSupport main,
            RunStore store,
            PipelineCatalog catalog,
            AirbyteClient airbyte,
            CircuitBreaker breaker,
            Clock clock,
            LongSupplier outcomesWaiting,
            ObjectMapper json) {
        RunEnds ending = new RunEnds(airbyte, breaker, store, clock);
        main.configure()
                .addRoutesBuilder(new OperatorApiRoutes(
                        store,
                        catalog,
                        new RunCancelling(store, ending, clock),
                        new NextFirings(main.getCamelContext()),
                        clock,
                        () -> breaker.getState().name().toLowerCase(Locale.ROOT),
                        outcomesWaiting,
                        json));
        main.configure().addRoutesBuilder(new StatusPageRoutes());
    }
}
