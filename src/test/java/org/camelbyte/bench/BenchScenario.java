package org.camelbyte.bench;

import java.util.ArrayList;
import java.util.List;
import org.camelbyte.standin.JobPhase;
import org.camelbyte.standin.ScenarioConnection;
import org.camelbyte.standin.ScenarioWorkspace;
import org.camelbyte.standin.StandInScenario;

/**
 * One connection per concurrent sync: Airbyte (and the stand-in) refuses a second job on a connection
 * while one runs, so N syncs in flight need N connections. Every sync lasts 10 s.
 */
final class BenchScenario {
    static final double SYNC_SECONDS = 10;
    private static final List<JobPhase> TEN_SECOND_SYNC = List.of(
            JobPhase.of("pending", 1), new JobPhase("running", SYNC_SECONDS - 1, 1000L, 200L, null), JobPhase.of("succeeded", 0));

    private BenchScenario() {}

    static StandInScenario of(int connections) {
        List<ScenarioConnection> list = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            list.add(new ScenarioConnection(null, connectionName(i), null, null, "raw", null, List.of("events"), TEN_SECOND_SYNC));
        }
        return new StandInScenario(null, null, 1.0, null, null, List.of(new ScenarioWorkspace(null, "Bench")), list, null);
    }

    static String connectionName(int i) {
        return String.format("bench-%04d", i);
    }
}
