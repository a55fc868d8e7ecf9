package org.camelbyte;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.main.MainSupport;
import org.camelbyte.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and Ctrl-C into one orderly stop and holds the JVM until it is done. Camel's own hang-up
 * hook returned as soon as the CamelContext had stopped, so the JVM ended while {@link Bootstrap#afterStop}
 * was still releasing run leases and closing the embedded PostgreSQL and broker (leases left held, a
 * PostgreSQL left running); this hook waits for all of it, up to {@code stop.grace-period}.
 */
final class OrderlyStop {
    private static final Logger LOG = LoggerFactory.getLogger(OrderlyStop.class);
    private final MainSupport main;
    private final Supplier<Duration> gracePeriod;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean exiting;

    OrderlyStop(MainSupport main, Supplier<Duration> gracePeriod) {
        this.main = main;
        this.gracePeriod = gracePeriod;
    }

    /** Runs as a JVM shutdown hook: SIGTERM, SIGINT (Ctrl-C), SIGHUP, or System.exit from anywhere. */
    void onJvmShutdown() {
        if (exiting) {
            // the app's own exit after the stop (or after a failed start): everything is closed already
            return;
        }
        Duration grace = gracePeriod.get();
        LOG.info(
                "Stopping: intake first, then runs reach a safe point, their leases are released, and the"
                        + " embedded services stop last (within stop.grace-period, {}s)",
                grace.toSeconds());
        main.completed();
        try {
            if (!stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "The stop took longer than stop.grace-period ({}s); the app ends now, and the next start"
                                + " resumes its runs from their records and reclaims the embedded PostgreSQL.",
                        grace.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code stop.grace-period}, which must outlast Camel's own {@code camel.main.shutdown-timeout}: else the
     * process would end while Camel still waited for runs, before leases and embedded services.
     */
    static Duration gracePeriod(Settings settings) {
        Duration gracePeriod = settings.getDuration("stop.grace-period");
        int shutdownTimeout = settings.getInt("camel.main.shutdown-timeout");
        if (Duration.ofSeconds(shutdownTimeout).compareTo(gracePeriod) >= 0) {
            throw new IllegalStateException("Config key " + settings.describe("camel.main.shutdown-timeout") + " is "
                    + shutdownTimeout + " (seconds) but must be less than " + settings.describe("stop.grace-period")
                    + ", " + gracePeriod.toSeconds() + "s, which also covers releasing leases and stopping the"
                    + " embedded services: lower the one or raise the other.");
        }
        return gracePeriod;
    }

    /**
     * Stops the app when the process that started it ends ({@code stop.with-parent}, set by the README's
     * {@code mvn exec:exec}): Ctrl-C or a kill of Maven ended Maven at once and left the app running and
     * holding its ports. Through System.exit, so the stop is the same orderly one as on SIGTERM.
     */
    static void whenParentEnds() {
        ProcessHandle.current().parent().ifPresent(parent -> {
            long pid = parent.pid();
            parent.onExit().thenRun(() -> {
                LOG.info("The process that started the app (pid {}) has ended; stopping (stop.with-parent)", pid);
                System.exit(0);
            });
        });
    }

    /**
     * Called by the main thread once the app has stopped (or failed to start) and closed what it opened: ends
     * the JVM with {@code status}. When a signal is ending it already, its hook returns now and the JVM ends
     * with the signal's status; this thread's System.exit then simply waits for that.
     */
    void exit(int status) {
        exiting = true;
        stopped.countDown();
        System.exit(status);
    }
}
