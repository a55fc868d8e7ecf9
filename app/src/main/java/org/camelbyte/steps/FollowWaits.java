package org.camelbyte.steps;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs waiting for their job right now, so a stop can end their waits: a waiting run sleeps until its job
 * changes or something falls due (seconds to hours), and Camel's graceful stop would otherwise wait its whole
 * {@code camel.main.shutdown-timeout} for them and then force them. Once stopping, every wait is woken and the
 * next ones last {@link #WHILE_STOPPING} at most, so each follow loop reaches its safe point (its record holds every
 * step; the next start resumes it) as soon as Camel's stop begins.
 */
final class FollowWaits {
    /** The longest wait once stopping. */
    static final Duration WHILE_STOPPING = Duration.ofMillis(500);

    private final Set<Runnable> waking = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /** Keeps {@code wake} until {@link #done}: it must hand the wake-up to another thread, never run the route. */
    void waiting(Runnable wake) {
        waking.add(wake);
    }

    void done(Runnable wake) {
        waking.remove(wake);
    }

    boolean stopping() {
        return stopping;
    }

    /** The app is stopping: every waiting run looks once more, and waits {@link #WHILE_STOPPING} at most from now on. */
    void stop() {
        stopping = true;
        waking.forEach(Runnable::run);
    }
}
