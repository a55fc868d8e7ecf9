package org.camelbyte.steps;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteUnavailableException;
import org.camelbyte.airbyte.Durations;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStore;
import org.camelbyte.run.RunStoreException;
import org.camelbyte.run.RunWaiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs when a step of a run fails, before Camel's error handler waits to retry it. It picks the wait itself
 * (Airbyte's Retry-After when given, else exponential backoff with jitter) and hands it to Camel in the
 * {@code CamelRedeliveryDelay} header, so it can tell people when the next try comes: one log line of ours
 * per retry, and the run record's {@code waiting}. Camel's own delivery-failure lines are switched off.
 */
public final class RetryNotice implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(RetryNotice.class);
    private static final double JITTER = 0.15;

    private final int maxRetries;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final RunStore store;
    private final Clock clock;

    public RetryNotice(int maxRetries, Duration firstDelay, Duration maxDelay, RunStore store, Clock clock) {
        this.store = store;
        this.maxRetries = maxRetries;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** Whether a failure is one the run waits out (Airbyte away or slow, the breaker open, the state database away). */
    public static boolean retried(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AirbyteUnavailableException
                    || t instanceof CallNotPermittedException
                    || t instanceof RunStoreException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getException();
        int failedAttempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        if (!retried(failure) || failedAttempt > maxRetries) {
            return; // no next try: the run fails, and its error says why
        }
        // from this failure alone: the header still holds the previous attempt's delay, which read back as a
        // server's Retry-After kept every retry at the first delay (a run failed 6 s into a 30 s breaker opening)
        long delayMs = retryAfterOf(failure).map(Duration::toMillis).orElseGet(() -> backoffMs(failedAttempt));
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delayMs);
        Run run = exchange.getVariable(RunVariable.NAME, Run.class);
        if (run == null) {
            return;
        }
        String step = stepOf(run);
        String sentence = describe(failure);
        Instant next = clock.instant().plusMillis(delayMs);
        LOG.warn(
                "Pipeline {}, run {}: {} failed (attempt {} of {}): {} Next try in {}.",
                run.getPipeline(),
                run.getRunId(),
                step,
                failedAttempt,
                maxRetries + 1,
                sentence,
                Durations.format(Duration.ofMillis(delayMs)));
        try {
            // only this column: the step's own next write clears it once the step succeeds
            store.recordWaiting(run.getRunId(), new RunWaiting(step, sentence, failedAttempt + 1, next));
        } catch (RunStoreException stateDatabaseAway) {
            LOG.debug("Run {}: could not note why it waits; the state database is away too", run.getRunId());
        }
    }

    /** Airbyte's own Retry-After (429, 503), which overrides the backoff. */
    private static Optional<Duration> retryAfterOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AirbyteUnavailableException unavailable) {
                return unavailable.retryAfter();
            }
        }
        return Optional.empty();
    }

    /** first, 2×first, 4×first ... up to max, each ±15% so runs that failed together do not retry together. */
    private long backoffMs(int failedAttempt) {
        double base = firstDelay.toMillis() * Math.pow(2, Math.min(failedAttempt - 1, 30));
        double capped = Math.min(base, maxDelay.toMillis());
        double jitter = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Math.max(1, Math.round(Math.min(capped * jitter, maxDelay.toMillis())));
    }

    /** What the run was doing: it has no connection id until the lookup succeeds, no job until the trigger does. */
    private static String stepOf(Run run) {
        if (run.getConnectionId() == null) {
            return "lookup";
        }
        return run.getJobId() == null ? "trigger" : "follow";
    }

    /** The failure as a sentence for people: our own exceptions already are; the breaker's is reworded. */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                return "Calls to Airbyte are paused: the circuit breaker opened after repeated failures.";
            }
            if (t instanceof AirbyteUnavailableException || t instanceof RunStoreException) {
                String text = t instanceof RunStoreException
                        ? "The state database did not answer (" + t.getMessage() + ")."
                        : t.getMessage();
                return text.endsWith(".") ? text : text + ".";
            }
        }
        return String.valueOf(failure.getMessage());
    }
}
