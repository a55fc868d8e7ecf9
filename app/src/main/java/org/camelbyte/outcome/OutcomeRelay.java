package org.camelbyte.outcome;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outcome events waiting in the {@link OutcomeOutbox} to {@code outcomes.uri}, at least once, on a
 * thread of its own: a broker that is down or slow delays only the events, never a run. Woken as soon as a run
 * ends; also every {@code outcomes.relay-interval} for events another instance left, and with a growing pause
 * while the broker refuses. Each event carries {@code eventId} ({@code run:<runId>} or {@code
 * group-run:<groupRunId>}), also as Artemis' duplicate-detection id, so a repeat after a crash is dropped by the
 * broker, and by any consumer that remembers ids.
 */
public final class OutcomeRelay extends ServiceSupport {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRelay.class);
    /** Artemis drops a second message with the same value of this property (duplicate detection). */
    static final String ARTEMIS_DUPLICATE_ID = "_AMQ_DUPL_ID";

    static final int BATCH = 200;
    /**
     * How long a woken relay waits for more runs to end before it delivers, unless a batch's worth ended sooner:
     * runs that end one after another (webhooks) then share a transaction, instead of three each (the claim,
     * an empty claim, the count), which cost the state database more CPU than the runs' own writes.
     */
    static final Duration GATHER = Duration.ofMillis(50);

    private final CamelContext context;
    private final OutcomeOutbox outbox;
    private final String uri;
    private final OutcomeOutbox.Events runEvents;
    private final OutcomeOutbox.Events groupRunEvents;
    private final Duration interval;
    private final Duration maxPause;
    private final Semaphore due = new Semaphore(0);
    private final AtomicLong waiting = new AtomicLong();
    private volatile String failure;
    private ExecutorService thread;
    private ProducerTemplate producer;

    public OutcomeRelay(
            CamelContext context,
            OutcomeOutbox outbox,
            String uri,
            OutcomeOutbox.Events runEvents,
            OutcomeOutbox.Events groupRunEvents,
            Duration interval,
            Duration maxPause) {
        this.context = context;
        this.outbox = outbox;
        this.uri = uri;
        this.runEvents = runEvents;
        this.groupRunEvents = groupRunEvents;
        this.interval = interval;
        this.maxPause = maxPause;
    }

    /** An outcome was recorded: deliver it now rather than at the next interval. */
    public void wake() {
        due.release();
    }

    /** Events waiting when the relay last looked. */
    public long waiting() {
        return waiting.get();
    }

    /** Why the last delivery failed, while events still wait for it; null when they flow. */
    public String failure() {
        return failure;
    }

    @Override
    protected void doStart() {
        producer = context.createProducerTemplate();
        thread = context.getExecutorServiceManager().newSingleThreadExecutor(this, "outcome-relay");
        thread.execute(this::relay);
    }

    @Override
    protected void doStop() throws Exception {
        if (thread != null) {
            context.getExecutorServiceManager().shutdownNow(thread);
        }
        if (producer != null) {
            producer.stop();
        }
    }

    private void relay() {
        long pauseMs = 0;
        while (isRunAllowed() && !Thread.currentThread().isInterrupted()) {
            try {
                if (due.tryAcquire(pauseMs, TimeUnit.MILLISECONDS)) {
                    due.tryAcquire(BATCH - 1, GATHER.toMillis(), TimeUnit.MILLISECONDS);
                }
                due.drainPermits();
                deliverWaiting();
                pauseMs = interval.toMillis();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                pauseMs = Math.min(Math.max(2 * pauseMs, interval.toMillis()), maxPause.toMillis());
                noteFailure(e, pauseMs);
            }
        }
    }

    private void deliverWaiting() {
        int delivered = 0;
        int sent;
        do {
            sent = outbox.deliver(BATCH, runEvents, groupRunEvents, this::send);
            delivered += sent;
            // a short batch took every event waiting; those recorded since woke the relay again
        } while (sent >= BATCH);
        waiting.set(outbox.waiting());
        if (failure != null) {
            LOG.info("Outcome events flow again: {} delivered to {} after the outage", delivered, uri);
            failure = null;
        }
    }

    private void send(String eventId, String json) {
        Exchange sent = producer.send(uri, exchange -> {
            exchange.getMessage().setBody(json);
            exchange.getMessage().setHeader("eventId", eventId);
            exchange.getMessage().setHeader(ARTEMIS_DUPLICATE_ID, eventId);
        });
        if (sent.getException() != null) {
            throw new IllegalStateException(sent.getException().getMessage(), sent.getException());
        }
    }

    private void noteFailure(RuntimeException e, long pauseMs) {
        boolean first = failure == null;
        failure = String.valueOf(e.getMessage());
        try {
            waiting.set(outbox.waiting());
        } catch (RuntimeException stateDatabaseAway) {
            // the count stays as last seen; the failure says why events wait
        }
        // one line when an outage starts, not one per try
        if (first) {
            LOG.warn(
                    "Outcome events wait in the state database ({} now): delivering to {} failed ({}). Trying again"
                            + " every {} s at most until it takes them; no event is lost.",
                    waiting.get(),
                    uri,
                    failure,
                    Math.max(1, maxPause.toSeconds()));
        }
    }
}
