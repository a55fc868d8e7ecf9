package org.camelbyte.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.camelbyte.airbyte.AirbyteUnavailableException;
import org.camelbyte.airbyte.ChangeWaker;

/**
 * Looks at something until it has ended or the deadline passes, holding no thread in between: each look
 * is one task on the shared scheduler, and the exchange waits as a callback. It looks again when its source
 * says something changed, and at the latest after {@code every}. A look that fails for a moment (Airbyte
 * down, 429, 5xx) is tried again at the next one; the deadline still applies.
 */
final class AsyncWait<T> {
    /** What is waited on. */
    interface Source<T> {
        /**
         * Completes when the next look is worth taking before {@code every} passes, or null when the source
         * cannot tell. Taken before each look, so a change landing during the look still wakes the next wait.
         */
        CompletableFuture<?> nextChange();

        /** The current state; null when there is none yet. */
        T look() throws Exception;

        /** A state read afresh at every look, with no news of changes in between (a run in the state database). */
        static <T> Source<T> polled(Callable<T> read) {
            return new Source<>() {
                @Override
                public CompletableFuture<?> nextChange() {
                    return null;
                }

                @Override
                public T look() throws Exception {
                    return read.call();
                }
            };
        }
    }

    /** What the end (or the timeout) means for the exchange: null when it goes on normally, else its failure. */
    interface Outcome<T> {
        Exception of(T last);
    }

    private final ScheduledExecutorService scheduler;
    private final Duration every;
    private final Instant deadline;
    private final Clock clock;
    private final Source<T> source;
    private final Predicate<T> isEnd;
    private final Outcome<T> ended;
    private final Outcome<T> timedOut;
    private static final long DONE = -1;
    /** The round of waiting that is armed, or DONE while a look runs and after the end. */
    private final AtomicLong armed = new AtomicLong(DONE);

    private long rounds;
    /** Hooks each change future once: a state unchanged for many looks keeps the same future. */
    private final ChangeWaker waker = new ChangeWaker();

    private volatile ScheduledFuture<?> timer;
    private Exchange exchange;
    private AsyncCallback callback;
    private T last;

    AsyncWait(
            ScheduledExecutorService scheduler,
            Duration every,
            Duration timeout,
            Clock clock,
            Source<T> source,
            Predicate<T> isEnd,
            Outcome<T> ended,
            Outcome<T> timedOut) {
        this.scheduler = scheduler;
        this.every = every;
        this.deadline = clock.instant().plus(timeout);
        this.clock = clock;
        this.source = source;
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
            await(source.nextChange());
        }
    }

    /** Arms a new round: its timer, and the hook on the change future; whichever fires first resumes it. */
    private synchronized void await(CompletableFuture<?> change) {
        long round = ++rounds;
        armed.set(round);
        try {
            timer = scheduler.schedule(() -> resume(round), every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            armed.set(DONE);
            exchange.setException(stopping);
            callback.done(false);
            return;
        }
        if (change != null) {
            waker.wakeOn(change, this::resumeSoon);
        }
    }

    /** The source's thread reports a change: the look itself runs on the scheduler, never on that thread. */
    private void resumeSoon() {
        long round = armed.get();
        if (round == DONE) {
            return;
        }
        try {
            scheduler.execute(() -> resume(round));
        } catch (RejectedExecutionException stopping) {
            // the context is stopping: the timer, if it still runs, resumes the exchange
        }
    }

    /** The timer or a change, whichever comes first; the other, or one of an earlier round, finds it taken. */
    private void resume(long round) {
        if (!armed.compareAndSet(round, DONE)) {
            return;
        }
        ScheduledFuture<?> pending = timer;
        if (pending != null) {
            pending.cancel(false);
        }
        check();
    }

    private synchronized void check() {
        CompletableFuture<?> change = source.nextChange();
        try {
            T now = source.look();
            if (now != null) {
                last = now;
                if (isEnd.test(now)) {
                    complete(ended, now);
                    return;
                }
            }
        } catch (AirbyteUnavailableException transientFailure) {
            // a read that failed for a moment says nothing about the job; look again at the next interval
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(false);
            return;
        }
        if (clock.instant().isBefore(deadline)) {
            await(change);
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
