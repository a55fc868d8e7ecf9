package org.camelbyte.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.camelbyte.airbyte.AirbyteUnavailableException;

/**
 * Reads something again and again on the shared scheduler until it has ended or the deadline passes,
 * holding no thread in between: each read is one task, and the exchange waits as a callback. A read that
 * fails for a moment (Airbyte down, 429, 5xx) is tried again at the next interval; the deadline still applies.
 */
final class AsyncWait<T> {
    /** What the end (or the timeout) means for the exchange: null when it goes on normally, else its failure. */
    interface Outcome<T> {
        Exception of(T last);
    }

    private final ScheduledExecutorService scheduler;
    private final Duration every;
    private final Instant deadline;
    private final Clock clock;
    private final Callable<T> read;
    private final Predicate<T> isEnd;
    private final Outcome<T> ended;
    private final Outcome<T> timedOut;
    private Exchange exchange;
    private AsyncCallback callback;
    private T last;

    AsyncWait(
            ScheduledExecutorService scheduler,
            Duration every,
            Duration timeout,
            Clock clock,
            Callable<T> read,
            Predicate<T> isEnd,
            Outcome<T> ended,
            Outcome<T> timedOut) {
        this.scheduler = scheduler;
        this.every = every;
        this.deadline = clock.instant().plus(timeout);
        this.clock = clock;
        this.read = read;
        this.isEnd = isEnd;
        this.ended = ended;
        this.timedOut = timedOut;
    }

    /**
     * Waits from what was seen first; the exchange continues (callback done) when the wait ends. A first
     * state that has already ended ends the wait at once.
     */
    void start(T first, Exchange exchange, AsyncCallback callback) {
        this.exchange = exchange;
        this.callback = callback;
        last = first;
        if (first != null && isEnd.test(first)) {
            complete(ended, first);
        } else {
            next();
        }
    }

    private void next() {
        try {
            scheduler.schedule(this::check, every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException stopping) {
            exchange.setException(stopping);
            callback.done(false);
        }
    }

    private void check() {
        try {
            T now = read.call();
            if (now != null) {
                last = now;
                if (isEnd.test(now)) {
                    complete(ended, now);
                    return;
                }
            }
        } catch (AirbyteUnavailableException transientFailure) {
            // a read that failed for a moment says nothing about the job; read again at the next interval
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(false);
            return;
        }
        if (clock.instant().isBefore(deadline)) {
            next();
        } else {
            complete(timedOut, last);
        }
    }

    private void complete(Outcome<T> outcome, T state) {
        try {
            Exception failure = outcome.of(state);
            if (failure != null) {
                exchange.setException(failure);
            }
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
        callback.done(false);
    }
}
