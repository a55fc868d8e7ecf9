package org.camelbyte.bench;

import java.util.ArrayList;
import java.util.List;
import org.camelbyte.standin.JobPhase;
import org.camelbyte.standin.ScenarioConnection;
import org.camelbyte.standin.ScenarioWorkspace;
import org.camelbyte.standin.StandInScenario;

/**
 * One connection per concurrent sync: Airbyte (and the stand-in) refuses a second job on a connection
 * while one runs, so N syncs in flight need N connections. Every sync is pending 1 s, then runs. One more
 * connection, {@link #WARM_UP}, has a half-second sync for the untimed run each phase makes first.
 */
final class BenchScenario {
    static final String WARM_UP = "bench-warm-up";

    private BenchScenario() {}

    static StandInScenario of(int connections, double syncSeconds) {
        List<JobPhase> sync = List.of(
                JobPhase.of("pending", 1),
                new JobPhase("running", syncSeconds - 1, 1000L, 200L, null),
                JobPhase.of("succeeded", 0));
        List<ScenarioConnection> list = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            list.add(new ScenarioConnection(null, connectionName(i), null, null, "raw", null, List.of("events"), sync));
        }
        list.add(new ScenarioConnection(
                null,
                WARM_UP,
                null,
                null,
                "raw",
                null,
                List.of("events"),
                List.of(
                        JobPhase.of("pending", 0.2),
                        new JobPhase("running", 0.3, 1000L, 200L, null),
                        JobPhase.of("succeeded", 0))));
        return new StandInScenario(
                null, null, 1.0, null, null, List.of(new ScenarioWorkspace(null, "Bench")), list, null);
    }

    /** The connections of the timed syncs: all but the warm-up's. */
    static List<ScenarioConnection> measured(StandInScenario scenario) {
        return scenario.connections().stream()
                .filter(c -> !WARM_UP.equals(c.name()))
                .toList();
    }

    /** The warm-up connection's id. */
    static String warmUpId(StandInScenario scenario) {
        return scenario.connections().stream()
                .filter(c -> WARM_UP.equals(c.name()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    static String connectionName(int i) {
        return String.format("bench-%05d", i);
    }
}
