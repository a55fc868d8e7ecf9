package org.camelbyte.standin;

/** Small scenarios for the tests; timeScale 0.01 turns a scripted second into 10 ms. */
final class TestScenarios {

    static final String FLAKY = "11111111-1111-1111-1111-111111111111";
    static final String BROKEN = "22222222-2222-2222-2222-222222222222";
    static final String SLOW = "33333333-3333-3333-3333-333333333333";
    static final String IDLE = "44444444-4444-4444-4444-444444444444";

    private TestScenarios() {}

    static StandInScenario fast() {
        return StandInScenario.fromYaml("""
                timeScale: 0.01
                workspaces:
                  - {id: aaaaaaaa-0000-0000-0000-000000000001, name: Production}
                connections:
                  - id: 11111111-1111-1111-1111-111111111111
                    name: flaky (PROD)
                    workspace: Production
                    namespace: raw
                    prefix: fl_
                    streams: [customers, orders]
                    job:
                      - {status: pending, seconds: 1}
                      - {status: running, seconds: 3, rowsPerSecond: 500, bytesPerRow: 200}
                      - {status: incomplete, seconds: 30, failure: "Source timed out"}
                      - {status: running, seconds: 2, rowsPerSecond: 500, bytesPerRow: 200}
                      - {status: succeeded}
                  - id: 22222222-2222-2222-2222-222222222222
                    name: broken (PROD)
                    workspace: Production
                    job:
                      - {status: running, seconds: 1}
                      - {status: failed, failure: "Destination quota exceeded"}
                  - id: 33333333-3333-3333-3333-333333333333
                    name: slow (PROD)
                    workspace: Production
                    streams: [events]
                    job:
                      - {status: running, seconds: 100000}
                      - {status: succeeded}
                  - id: 44444444-4444-4444-4444-444444444444
                    name: idle (PROD)
                    workspace: Production
                    status: inactive
                """);
    }
}
