package org.camelbyte;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.main.BaseMainSupport;
import org.camelbyte.api.ApiWiring;
import org.camelbyte.api.OperatorWiring;
import org.camelbyte.config.Settings;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.StateWiring.State;

/** The HTTP API and the operators' routes, given the runs, their records and Airbyte they answer about. */
final class HttpApi {
    private HttpApi() {}

    static void wire(
            BaseMainSupport main,
            Settings settings,
            String profile,
            Path dataDir,
            PipelineCatalog catalog,
            State state,
            AirbyteRuns runs,
            ObjectMapper json,
            Clock clock) {
        ApiWiring.wire(
                main,
                settings,
                profile,
                dataDir,
                catalog,
                runs.intake().requests(),
                state.store(),
                runs.airbyte(),
                runs.groupRuns(),
                json);
        OperatorWiring.configure(
                main,
                state.store(),
                catalog,
                runs.airbyte().client(),
                runs.airbyte().breaker(),
                clock,
                runs.outcomes()::waiting,
                json);
    }
}
