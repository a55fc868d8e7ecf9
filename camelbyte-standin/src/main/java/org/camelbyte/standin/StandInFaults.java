package org.camelbyte.standin;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults injected in front of the API, changeable while the stand-in runs. Counted faults apply in the
 * order they were added; a {@code pathFilter} limits a fault to request paths containing that text (e.g.
 * "/jobs"), and one starting with a method and a space ("POST /jobs") to requests of that method too. Faults hit before authentication, like a load balancer or load-shedding switch would.
 */
public final class StandInFaults {

    private final Queue<FaultRule> rules = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RandomFaults> random = new AtomicReference<>();
    private final AtomicReference<EveryNth> everyNth = new AtomicReference<>();
    private final AtomicReference<Duration> jobCreationDelay = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Duration> jobAnswerDelay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger injected = new AtomicInteger();
    private final AtomicInteger startConflicts = new AtomicInteger();
    private final AtomicInteger slowAnswers = new AtomicInteger();

    public StandInFaults failNext(int n, int httpStatus) {
        return failNext(n, httpStatus, null);
    }

    public StandInFaults failNext(int n, int httpStatus, String pathFilter) {
        return add(Fault.fail(httpStatus), n, pathFilter);
    }

    /** 429s; {@code retryAfterSeconds} null sends no Retry-After header. */
    public StandInFaults rateLimitNext(int n, Integer retryAfterSeconds) {
        return rateLimitNext(n, retryAfterSeconds, null);
    }

    public StandInFaults rateLimitNext(int n, Integer retryAfterSeconds, String pathFilter) {
        return add(Fault.rateLimit(retryAfterSeconds), n, pathFilter);
    }

    /**
     * 429 (no Retry-After) on every {@code n}th request on matching paths ({@code pathFilter} null: all), for as
     * long as it is set, as a load-shedding proxy does under steady load; replaces any earlier one.
     */
    public StandInFaults rateLimitEvery(int n, String pathFilter) {
        if (n < 1) {
            throw new IllegalArgumentException("rateLimitEvery needs n of 1 or more");
        }
        everyNth.set(new EveryNth(n, pathFilter, new java.util.concurrent.atomic.AtomicLong()));
        return this;
    }

    /** Answers normally, but only after {@code latency}. */
    public StandInFaults delayNext(int n, Duration latency) {
        return delayNext(n, latency, null);
    }

    public StandInFaults delayNext(int n, Duration latency, String pathFilter) {
        return add(Fault.delay(latency), n, pathFilter);
    }

    /** Closes the connection without an HTTP answer; a job-creating call is not carried out. */
    public StandInFaults dropNext(int n) {
        return dropNext(n, null);
    }

    public StandInFaults dropNext(int n, String pathFilter) {
        return add(Fault.drop(), n, pathFilter);
    }

    /**
     * The next {@code n} job-creating calls are refused with 409 "already running" though no job runs, as Airbyte
     * answers when the running job ends between its check and the caller's look.
     */
    public StandInFaults conflictNextStarts(int n) {
        startConflicts.set(n);
        return this;
    }

    /** Whether this job-creating call is one {@link #conflictNextStarts} refuses. */
    boolean takeStartConflict() {
        return startConflicts.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    /** Every job-creating call takes this long before it answers (Airbyte under load takes tens of seconds). */
    public StandInFaults slowJobCreation(Duration delay) {
        jobCreationDelay.set(delay);
        return this;
    }

    /**
     * Every job-creating call creates its job at once but answers only after {@code delay}, as Airbyte does
     * when the POST's answer is held up behind the scheduler: a client timing out meanwhile has a job.
     */
    public StandInFaults slowJobAnswer(Duration delay) {
        jobAnswerDelay.set(delay);
        return this;
    }

    public StandInFaults random(
            long seed,
            double failShare,
            double rateLimitShare,
            double dropShare,
            double delayShare,
            Duration maxDelay) {
        return random(seed, failShare, rateLimitShare, dropShare, delayShare, maxDelay, null);
    }

    /** A seeded campaign over every request (or those matching {@code pathFilter}); replaces any earlier one. */
    public StandInFaults random(
            long seed,
            double failShare,
            double rateLimitShare,
            double dropShare,
            double delayShare,
            Duration maxDelay,
            String pathFilter) {
        random.set(new RandomFaults(seed, failShare, rateLimitShare, dropShare, delayShare, maxDelay, pathFilter));
        return this;
    }

    /** Removes every fault, counted, random, slow creation and slow answers alike. */
    public StandInFaults clear() {
        rules.clear();
        random.set(null);
        everyNth.set(null);
        jobCreationDelay.set(Duration.ZERO);
        jobAnswerDelay.set(Duration.ZERO);
        startConflicts.set(0);
        return this;
    }

    /** How many requests got a fault so far. */
    public int injected() {
        return injected.get();
    }

    Fault next(String method, String path) {
        for (FaultRule rule : rules) {
            Fault fault = rule.take(method, path);
            if (rule.exhausted()) {
                rules.remove(rule);
            }
            if (fault != null) {
                injected.incrementAndGet();
                return fault;
            }
        }
        EveryNth nth = everyNth.get();
        if (nth != null
                && (nth.pathFilter() == null || path.contains(nth.pathFilter()))
                && nth.seen().incrementAndGet() % nth.n() == 0) {
            injected.incrementAndGet();
            return Fault.rateLimit(null);
        }
        RandomFaults campaign = random.get();
        Fault drawn = campaign == null ? null : campaign.draw(path);
        if (drawn != null) {
            injected.incrementAndGet();
        }
        return drawn;
    }

    Duration jobCreationDelay() {
        return jobCreationDelay.get();
    }

    /** How many job-creating calls were answered late by {@link #slowJobAnswer} so far. */
    public int slowAnswers() {
        return slowAnswers.get();
    }

    /** The delay before a created job's answer leaves; counted when there is one. */
    Duration jobAnswerDelay() {
        Duration delay = jobAnswerDelay.get();
        if (!delay.isZero()) {
            slowAnswers.incrementAndGet();
        }
        return delay;
    }

    private StandInFaults add(Fault fault, int n, String pathFilter) {
        rules.add(new FaultRule(fault, n, pathFilter));
        return this;
    }

    private record EveryNth(int n, String pathFilter, java.util.concurrent.atomic.AtomicLong seen) {}
}
