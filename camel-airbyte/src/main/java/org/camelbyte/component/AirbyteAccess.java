package org.camelbyte.component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteClients;
import org.camelbyte.airbyte.AirbyteSettings;
import org.camelbyte.airbyte.AirbyteUnavailableException;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.JobStart;
import org.camelbyte.airbyte.JobWatcher;

/**
 * One Airbyte as the component reaches it, for one configuration: its client, lookup cache, job start and job
 * watcher, and whether it answered lately (the health check's question). The app's is given whole; the
 * component builds the others, and their watcher only when an exchange first waits (most routes never do).
 */
final class AirbyteAccess {
    private final String baseUrl;
    private final AirbyteClient client;
    private final ConnectionLookup lookup;
    private final JobStart jobStart;
    private JobWatcher watcher;
    private ScheduledExecutorService looks;
    private ExecutorService reads;
    /** The last call's failure to reach Airbyte; null once a call got an answer. */
    private volatile AirbyteUnavailableException unreachable;

    private AirbyteAccess(String baseUrl, AirbyteClient client, ConnectionLookup lookup, JobWatcher watcher) {
        this.baseUrl = baseUrl;
        this.client = client;
        this.lookup = lookup;
        this.watcher = watcher;
        // the component's calls go to Airbyte directly (the app's run steps use its shared breaker)
        this.jobStart = new JobStart(client, this::call);
    }

    /** The host application's: its client, lookup and watcher, which it closes itself. */
    static AirbyteAccess given(AirbyteClient client, ConnectionLookup lookup, JobWatcher watcher) {
        return new AirbyteAccess(watcher == null ? "the host's Airbyte" : watcher.instance(), client, lookup, watcher);
    }

    /** The component's own, calling through {@code context}'s camel-http. */
    static AirbyteAccess build(AirbyteSettings settings, CamelContext context) {
        AirbyteClient client = AirbyteClients.create(settings, context);
        return new AirbyteAccess(
                settings.baseUrl().toString(), client, new ConnectionLookup(client, settings.lookupCacheTtl()), null);
    }

    /** One Airbyte call, noting whether Airbyte answered. */
    <T> T call(Supplier<T> airbyteCall) {
        try {
            T answer = airbyteCall.get();
            unreachable = null;
            return answer;
        } catch (AirbyteUnavailableException e) {
            unreachable = e;
            throw e;
        }
    }

    void run(Runnable airbyteCall) {
        call(() -> {
            airbyteCall.run();
            return null;
        });
    }

    AirbyteClient client() {
        return client;
    }

    ConnectionLookup lookup() {
        return lookup;
    }

    JobStart jobStart() {
        return jobStart;
    }

    /**
     * The watcher, started now when there is none yet, looking every {@code interval} on threads of
     * {@code threads}, which {@link #close} gives back.
     */
    synchronized JobWatcher watcher(Supplier<Duration> interval, ExecutorServiceManager threads, Object owner) {
        if (watcher == null) {
            looks = threads.newSingleThreadScheduledExecutor(owner, "airbyte-watcher");
            reads = threads.newFixedThreadPool(owner, "airbyte-watcher-reads", JobWatcher.READERS);
            watcher = JobWatcher.builder(client)
                    .interval(interval.get())
                    .instance(baseUrl)
                    .threads(looks, reads)
                    .start();
        }
        return watcher;
    }

    /**
     * Why Airbyte looks unreachable, as one sentence; empty while it answers. The watcher's listings say it
     * for waiting exchanges, the last call for the others.
     */
    Optional<String> trouble() {
        JobWatcher following;
        synchronized (this) {
            following = watcher;
        }
        Optional<String> listing = following == null ? Optional.empty() : following.trouble();
        if (listing.isPresent()) {
            return Optional.of("Airbyte at " + baseUrl + " is unreachable: " + listing.get() + ".");
        }
        AirbyteUnavailableException failed = unreachable;
        return failed == null
                ? Optional.empty()
                : Optional.of("Airbyte at " + baseUrl + " is unreachable: the last call failed (" + failed.getMessage()
                        + ").");
    }

    /** Stops the watcher this access started and gives its threads back; a given watcher is its owner's. */
    synchronized void close(ExecutorServiceManager threads) {
        if (looks != null) {
            watcher.close();
            threads.shutdownNow(looks);
            threads.shutdownNow(reads);
            watcher = null;
            looks = null;
            reads = null;
        }
    }
}
