package org.camelbyte.group;

import java.time.Instant;
import java.util.List;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInJob;
import org.camelbyte.standin.StandInScenario;

/** A stand-in whose scripted second is 50 ms, with one connection per pipeline of the group tests. */
final class GroupTestScenario {
    static final StandInScenario SCENARIO = StandInScenario.fromYaml("""
            timeScale: 0.05
            connections:
              - {name: mysql (PROD), job: [{status: running, seconds: 20, rowsPerSecond: 100}, {status: succeeded}]}
              - {name: salesforce (PROD), job: [{status: running, seconds: 24, rowsPerSecond: 100}, {status: succeeded}]}
              - {name: postgres (PROD), job: [{status: running, seconds: 3, rowsPerSecond: 100}, {status: succeeded}]}
              - {name: warehouse (PROD), job: [{status: running, seconds: 4, rowsPerSecond: 10}, {status: succeeded}]}
              - {name: bigquery (PROD), job: [{status: running, seconds: 2, rowsPerSecond: 10}, {status: succeeded}]}
              - {name: broken (PROD), job: [{status: running, seconds: 2}, {status: failed, failure: "Destination quota exceeded"}]}
              - {name: child (PROD)}
              - {name: grandchild (PROD)}
              - {name: mixed (PROD)}
              - {name: good (PROD), job: [{status: running, seconds: 2}, {status: succeeded}]}
              - {name: goodchild (PROD), job: [{status: running, seconds: 2}, {status: succeeded}]}
              - {name: first (PROD), job: [{status: running, seconds: 2}, {status: succeeded}]}
              - {name: second (PROD), job: [{status: running, seconds: 2}, {status: succeeded}]}
              - {name: aside (PROD), job: [{status: running, seconds: 2}, {status: succeeded}]}
              - {name: mysql (STAGING), job: [{status: running, seconds: 2}, {status: succeeded}]}
            """);

    private GroupTestScenario() {}

    static List<StandInJob> jobsOf(AirbyteStandIn standIn, String connectionName) {
        return standIn.jobsOf(
                SCENARIO.connectionNamed("Default", connectionName).id());
    }

    static StandInJob onlyJobOf(AirbyteStandIn standIn, String connectionName) {
        List<StandInJob> jobs = jobsOf(standIn, connectionName);
        if (jobs.size() != 1) {
            throw new AssertionError(connectionName + " has " + jobs.size() + " jobs, expected one");
        }
        return jobs.get(0);
    }

    static Instant endOf(StandInJob job) {
        return job.endedAt().orElseThrow(() -> new AssertionError("job " + job.id() + " has not ended"));
    }
}
