package org.camelbyte.observe;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a health probe on its own thread and waits at most the timeout: a database or broker that hangs
 * (a pool waiting 30 s for a connection) must not hang the health endpoint. While an earlier probe still
 * hangs, the next answers at once with that fact instead of piling up threads.
 */
final class TimedProbe implements AutoCloseable {
    /** The probe itself: throws with the reason when the dependency does not answer. */
    interface Check {
        void run() throws Exception;
    }

    private final ExecutorService thread;
    private final Duration timeout;
    private Future<?> pending;

    TimedProbe(String name, Duration timeout) {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "health-" + name);
            t.setDaemon(true);
            return t;
        });
        this.timeout = timeout;
    }

    /** Null when the check passed within the timeout, else why not, as a sentence. */
    synchronized String failure(Check check) {
        if (pending != null && !pending.isDone()) {
            return "An earlier check has not answered yet (waiting more than " + timeout.toMillis() + " ms).";
        }
        pending = thread.submit(() -> {
            check.run();
            return null;
        });
        try {
            pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            return "No answer within " + timeout.toMillis() + " ms.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The check was interrupted.";
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
