package org.camelbyte.bench;

import java.util.ArrayList;
import java.util.List;
import org.camelbyte.standin.JobPhase;
import org.camelbyte.standin.ScenarioConnection;
import org.camelbyte.standin.ScenarioWorkspace;
import org.camelbyte.standin.StandInScenario;

/**
 * One connection per concurrent sync: Airbyte (and the stand-in) refuses a second job on a connection
 * while one runs, so N syncs in flight need N connections. Every sync is pending 1 s, then runs, each a
 * little longer than the one before, spread evenly over one poll interval: real syncs do not end a whole
 * number of poll intervals after they start. With every sync exactly 10 s, the poller, whose polls count from
 * its own start, saw each end within milliseconds, and the app, whose first timed request follows the warm-up's
 * end seen by a look, saw every end just after a look, 0.8 s late; neither is what a real workload gives them.
 * One more connection, {@link #WARM_UP}, has a half-second sync for the untimed run each phase makes first.
 */
final class BenchScenario {
    static final String WARM_UP = "bench-warm-up";

    private BenchScenario() {}

    /** The fractions of a poll interval the syncs last longer: i times the golden ratio's, evenly spread. */
    private static final double SPREAD_STEP = (Math.sqrt(5) - 1) / 2;

    static StandInScenario of(Workload w) {
        double spread = w.pollInterval().toMillis() / 1000.0;
        List<ScenarioConnection> list = new ArrayList<>();
        for (int i = 0; i < w.n(); i++) {
            double longer = (i * SPREAD_STEP) % 1.0 * spread;
            List<JobPhase> sync = List.of(
                    JobPhase.of("pending", 1),
                    new JobPhase("running", w.syncSeconds() - 1 + longer, 1000L, 200L, null),
                    JobPhase.of("succeeded", 0));
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
