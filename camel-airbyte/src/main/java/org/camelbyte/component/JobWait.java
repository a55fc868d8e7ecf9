package org.camelbyte.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.JobFollower;

/**
 * An exchange waiting for its job's end ({@code airbyte:sync?waitForCompletion=true}), holding no thread:
 * it waits through a {@link JobFollower}, as a pipeline's run does, and looks again when the job changes or
 * at the latest after the poll interval, until the job ends or the timeout passes.
 */
final class JobWait {
    private final JobFollower follower;
    private final ScheduledExecutorService scheduler;
    private final Duration every;
    private final Instant deadline;
    private final Clock clock;
    private final Function<AirbyteJob, Exception> ended;
    private final Function<AirbyteJob, Exception> timedOut;
    private Exchange exchange;
    private AsyncCallback callback;
    private AirbyteJob last;

    /**
     * @param ended what the job's end means for the exchange: null when it goes on normally, else its failure
     * @param timedOut the exchange's failure when the timeout passes first
     */
    JobWait(
            JobFollower follower,
            ScheduledExecutorService scheduler,
            Duration every,
            Duration timeout,
            Clock clock,
            Function<AirbyteJob, Exception> ended,
            Function<AirbyteJob, Exception> timedOut) {
        this.follower = follower;
        this.scheduler = scheduler;
        this.every = every;
        this.deadline = clock.instant().plus(timeout);
        this.clock = clock;
        this.ended = ended;
        this.timedOut = timedOut;
    }

    /** Waits from the job's first snapshot; the exchange continues (callback done) when the wait ends. */
    void start(AirbyteJob first, Exchange exchange, AsyncCallback callback) {
        this.exchange = exchange;
        this.callback = callback;
        this.last = first;
        if (first.status().isTerminal()) {
            complete(ended, first);
        } else {
            await();
        }
    }

    private void await() {
        Duration left = Duration.between(clock.instant(), deadline);
        try {
            follower.awaitChange(scheduler, left.compareTo(every) < 0 ? left : every, this::check);
        } catch (RejectedExecutionException stopping) {
            follower.stop();
            exchange.setException(stopping);
            callback.done(false);
        }
    }

    private void check() {
        try {
            Optional<AirbyteJob> now = follower.look();
            if (now.isPresent()) {
                last = now.get();
                if (last.status().isTerminal()) {
                    complete(ended, last);
                    return;
                }
            }
        } catch (RuntimeException refused) {
            // Airbyte said the job does not exist for us (the follower stopped following it)
            exchange.setException(refused);
            callback.done(false);
            return;
        }
        if (clock.instant().isBefore(deadline)) {
            await();
        } else {
            complete(timedOut, last);
        }
    }

    private void complete(Function<AirbyteJob, Exception> outcome, AirbyteJob job) {
        follower.stop();
        try {
            Exception failure = outcome.apply(job);
            if (failure != null) {
                exchange.setException(failure);
            }
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
        callback.done(false);
    }
}
