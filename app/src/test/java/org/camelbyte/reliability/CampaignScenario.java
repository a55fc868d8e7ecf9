package org.camelbyte.reliability;

import java.util.ArrayList;
import java.util.List;
import org.camelbyte.standin.JobPhase;
import org.camelbyte.standin.ScenarioConnection;
import org.camelbyte.standin.ScenarioWorkspace;
import org.camelbyte.standin.StandInScenario;

/**
 * Connections whose syncs last about a second (10 s of script at timeScale 0.1), long enough to be caught
 * mid-job by a restart, short enough for waves of runs; and one pipeline per connection.
 */
final class CampaignScenario {
    private static final List<JobPhase> SYNC = List.of(
            JobPhase.of("pending", 1), new JobPhase("running", 9d, 100L, 200L, null), JobPhase.of("succeeded", 0));

    private CampaignScenario() {}

    static StandInScenario standIn(int connections) {
        List<ScenarioConnection> list = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            list.add(new ScenarioConnection(null, connectionName(i), null, null, "raw", null, List.of("events"), SYNC));
        }
        return new StandInScenario(
                null, null, 0.1, null, null, List.of(new ScenarioWorkspace(null, "Campaign")), list, null);
    }

    static String pipelinesYaml(int connections) {
        StringBuilder yaml = new StringBuilder("defaults:\n  pollInterval: 200ms\n  timeout: 2m\npipelines:\n");
        for (int i = 0; i < connections; i++) {
            yaml.append("  - name: ")
                    .append(pipelineName(i))
                    .append("\n    connection: ")
                    .append(connectionName(i))
                    .append('\n');
        }
        return yaml.toString();
    }

    static String pipelineName(int i) {
        return String.format("p%02d", i);
    }

    static String connectionName(int i) {
        return String.format("campaign-%02d", i);
    }
}
