package org.camelbyte.flow;

/** A stand-in scenario of one connection, {@code orders (TEST)} in workspace Test, at a hundredth of real time. */
final class OneConnection {
    private OneConnection() {}

    /** Its jobs pend 0.5 s, then run {@code runningSeconds} scripted seconds (a hundredth of that real), then succeed. */
    static String scenario(int runningSeconds) {
        return """
                timeScale: 0.01
                workspaces:
                  - {name: Test}
                connections:
                  - name: orders (TEST)
                    workspace: Test
                    job: [{status: pending, seconds: 50}, {status: running, seconds: %d}, {status: succeeded}]
                """.formatted(runningSeconds);
    }
}
