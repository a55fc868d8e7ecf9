package org.camelbyte.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * An exchange waiting for a host app's run to end ({@code airbyte:run?waitForCompletion=true}), holding no
 * thread: the run is read from the host's store every poll interval (the run follows its job itself).
 */
final class RunWait {
    private final RunHandOff runs;
    private final ScheduledExecutorService scheduler;
    private final Duration every;
    private final Instant deadline;
    private final Clock clock;
    private final Function<PipelineRun, Exception> ended;
    private final Function<PipelineRun, Exception> timedOut;
    private Exchange exchange;
    private AsyncCallback callback;
    private PipelineRun last;

    RunWait(
            RunHandOff runs,
            ScheduledExecutorService scheduler,
            Duration every,
            Duration timeout,
            Clock clock,
            Function<PipelineRun, Exception> ended,
            Function<PipelineRun, Exception> timedOut) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.every = every;
        this.deadline = clock.instant().plus(timeout);
        this.clock = clock;
        this.ended = ended;
        this.timedOut = timedOut;
    }

    void start(PipelineRun accepted, Exchange exchange, AsyncCallback callback) {
        this.exchange = exchange;
        this.callback = callback;
        this.last = accepted;
        if (accepted.ended()) {
            complete(ended, accepted);
        } else {
            await();
        }
    }

    private void await() {
        try {
            scheduler.schedule(this::check, every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            exchange.setException(stopping);
            callback.done(false);
        }
    }

    private void check() {
        try {
            last = runs.find(last.runId()).orElse(last);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(false);
            return;
        }
        if (last.ended()) {
            complete(ended, last);
        } else if (clock.instant().isBefore(deadline)) {
            await();
        } else {
            complete(timedOut, last);
        }
    }

    private void complete(Function<PipelineRun, Exception> outcome, PipelineRun run) {
        Exception failure = outcome.apply(run);
        if (failure != null) {
            exchange.setException(failure);
        }
        callback.done(false);
    }
}
