package org.camelbyte.airbyte;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A follower's one hook on its job's next-change future ({@link JobWatcher#nextChange}). A job that does
 * not change for many polls keeps the same future, and a hook added at every wait would pile up on it until
 * the job changes (a long sync holds thousands); so each follower (a run, a waiting exchange) hooks each
 * future once and each wait only swaps in its own wake-up. One per follower, used by one wait at a time.
 */
public final class ChangeWaker {
    private final AtomicReference<Runnable> wakeUp = new AtomicReference<>();
    private CompletableFuture<?> hookedOn;

    public synchronized void wakeOn(CompletableFuture<?> change, Runnable wake) {
        wakeUp.set(wake);
        if (change != hookedOn) {
            hookedOn = change;
            change.thenRun(this::fire);
        } else if (change.isDone()) {
            // it changed while the follower was looking, after the hook's last wake-up: wake now, as a new hook would
            fire();
        }
    }

    private void fire() {
        Runnable current = wakeUp.getAndSet(null);
        if (current != null) {
            current.run();
        }
    }
}
