package org.camelbyte.airbyte;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A test's threads for a job watcher, as its owner (a Camel context in the app) would give them. */
final class WatcherThreads implements AutoCloseable {
    final ScheduledExecutorService looks = Executors.newSingleThreadScheduledExecutor();
    final ExecutorService reads = Executors.newFixedThreadPool(JobWatcher.READERS);

    JobWatcherBuilder watcher(AirbyteClient client) {
        return JobWatcher.builder(client).threads(looks, reads);
    }

    @Override
    public void close() {
        looks.shutdownNow();
        reads.shutdownNow();
    }
}
