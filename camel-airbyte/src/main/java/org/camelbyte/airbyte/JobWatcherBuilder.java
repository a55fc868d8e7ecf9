package org.camelbyte.airbyte;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * What a {@link JobWatcher} needs: its client and threads (required), and the rest with the app's defaults.
 * The threads come from the owner (a Camel context's ExecutorServiceManager), which shuts them down.
 */
public final class JobWatcherBuilder {
    /** The pollInterval default: how often a watcher looks when nobody said. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    final AirbyteClient client;
    private final Function<JobWatcherBuilder, JobWatcher> make;
    CircuitBreaker breaker;
    Clock clock = Clock.systemUTC();
    Duration interval = DEFAULT_INTERVAL;
    /** The app's defaults (airbyte.watch.single-read-after, airbyte.watch.overlap). */
    Duration singleReadAfter = Duration.ofSeconds(60);

    Duration overlap = Duration.ofSeconds(2);
    /** Null: a quarter of the interval, {@link JobWatcher#MIN_INTERVAL} at least. */
    private Duration afterEnds;

    String instance;
    ScheduledExecutorService looks;
    ExecutorService reads;

    JobWatcherBuilder(AirbyteClient client, Function<JobWatcherBuilder, JobWatcher> make) {
        this.client = Objects.requireNonNull(client, "client");
        this.make = make;
    }

    /** The circuit breaker its calls go through; by default none that ever opens (calls go to Airbyte directly). */
    public JobWatcherBuilder breaker(CircuitBreaker breaker) {
        this.breaker = breaker;
        return this;
    }

    public JobWatcherBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** How often it lists the changed jobs. */
    public JobWatcherBuilder interval(Duration interval) {
        this.interval = interval;
        return this;
    }

    /** How long a job may go unreported by the listings before it is read on its own. */
    public JobWatcherBuilder singleReadAfter(Duration singleReadAfter) {
        this.singleReadAfter = singleReadAfter;
        return this;
    }

    /**
     * How far each look reaches back before the previous one, for Airbyte's clock not being ours and for
     * changes committed while the previous look ran.
     */
    public JobWatcherBuilder overlap(Duration overlap) {
        this.overlap = overlap;
        return this;
    }

    /**
     * How soon after a look that saw followed jobs end the next one comes, while the looks keep seeing ends (by
     * default, or null, a quarter of the interval, {@link JobWatcher#MIN_INTERVAL} at least); the interval or
     * more: none sooner than the interval.
     */
    public JobWatcherBuilder afterEnds(Duration afterEnds) {
        if (afterEnds != null && afterEnds.compareTo(JobWatcher.MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("afterEnds is " + afterEnds.toMillis() + " ms; give it "
                    + JobWatcher.MIN_INTERVAL.toMillis() + " ms or more: sooner, a wave of ends would keep the"
                    + " watcher listing back to back.");
        }
        this.afterEnds = afterEnds;
        return this;
    }

    Duration afterEnds() {
        if (afterEnds != null) {
            return afterEnds;
        }
        Duration quarter = interval.dividedBy(4);
        return quarter.compareTo(JobWatcher.MIN_INTERVAL) < 0 ? JobWatcher.MIN_INTERVAL : quarter;
    }

    /** The Airbyte instance the jobs live on, as run records note it (may be null). */
    public JobWatcherBuilder instance(String instance) {
        this.instance = instance;
        return this;
    }

    /**
     * Its threads: one scheduled thread for the batched looks, and a pool of {@link JobWatcher#READERS} for single
     * reads. The caller owns both and shuts them down after {@link JobWatcher#close()}.
     */
    public JobWatcherBuilder threads(ScheduledExecutorService looks, ExecutorService reads) {
        this.looks = looks;
        this.reads = reads;
        return this;
    }

    /** The watcher, not looking yet ({@link JobWatcher#start()}). */
    public JobWatcher build() {
        if (looks == null || reads == null) {
            throw new IllegalStateException("A job watcher needs its threads: call threads(looks, reads) with"
                    + " executors of its owner, which shuts them down.");
        }
        if (breaker == null) {
            breaker = neverOpens();
        }
        return make.apply(this);
    }

    /** The watcher, looking every interval while it follows jobs. */
    public JobWatcher start() {
        return build().start();
    }

    /** A failed look is simply tried again at the next interval. */
    private static CircuitBreaker neverOpens() {
        return CircuitBreaker.of(
                "airbyte-watcher-direct",
                CircuitBreakerConfig.custom().recordException(e -> false).build());
    }
}
