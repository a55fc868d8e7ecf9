package org.camelbyte.standin;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Runs the stand-in as its own process: {@code --port 8000 --scenario path.yaml} (default: the demo). */
public final class StandInMain {

    private StandInMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = 8000;
        StandInScenario scenario = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(valueAfter(args, i++));
                case "--scenario" -> scenario = StandInScenario.load(Path.of(valueAfter(args, i++)));
                default -> {
                    System.err.println("usage: StandInMain [--port 8000] [--scenario scenario.yaml]");
                    System.exit(2);
                }
            }
        }
        AirbyteStandIn standIn = AirbyteStandIn.start(scenario == null ? StandInScenario.demo() : scenario, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.close();
            stopped.countDown();
        }));
        if ("true".equalsIgnoreCase(System.getenv("STOP_WITH_PARENT"))) {
            // forked by mvn exec:exec, which sets it: end with Maven rather than outlive it holding the port
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
        System.out.println("Airbyte stand-in running. Public API: " + standIn.publicApiUrl() + "  Config API: "
                + standIn.configApiUrl() + "  (Ctrl-C stops it)");
        stopped.await();
    }

    private static String valueAfter(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }
}
