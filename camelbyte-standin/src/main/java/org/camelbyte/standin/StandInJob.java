package org.camelbyte.standin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A job the stand-in created. Its state is read from the clock on each call, so tests see what a poller
 * would see at that moment.
 */
public final class StandInJob {

    private final long id;
    private final ScenarioConnection connection;
    private final String jobType;
    private final Instant createdAt;
    private final JobTimeline timeline;
    private final double timeScale;
    private final Clock clock;
    private volatile Double cancelledOffset;
    /** Its last change as of the latest look: listings by update ask it of every job on every page. */
    private volatile Change lastChange;

    StandInJob(
            long id,
            ScenarioConnection connection,
            String jobType,
            Instant createdAt,
            JobTimeline timeline,
            double timeScale,
            Clock clock) {
        this.id = id;
        this.connection = connection;
        this.jobType = jobType;
        this.createdAt = createdAt;
        this.timeline = timeline;
        this.timeScale = timeScale;
        this.clock = clock;
    }

    public long id() {
        return id;
    }

    public String connectionId() {
        return connection.id();
    }

    /** sync, reset or clear. */
    public String jobType() {
        return jobType;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String status() {
        return snapshot().status();
    }

    public int attempts() {
        return snapshot().attempts().size();
    }

    public long rowsSynced() {
        return snapshot().rows();
    }

    /** When the job reached succeeded, failed or cancelled; empty while it is still going. */
    public Optional<Instant> endedAt() {
        Double cancelled = cancelledOffset;
        double endOffset = cancelled == null ? timeline.endOffset() : Math.min(cancelled, timeline.endOffset());
        Instant end = instantAt(endOffset);
        return clock.instant().isBefore(end) ? Optional.empty() : Optional.of(end);
    }

    /** When the job last changed status or attempt, as Airbyte's {@code updatedAt}; row counts do not move it. */
    public Instant updatedAt() {
        Double cancelled = cancelledOffset;
        if (cancelled != null) {
            return instantAt(timeline.cancelledAt(cancelled).lastChangeOffset());
        }
        double now = offsetOf(clock.instant());
        Change known = lastChange;
        if (known == null || now < known.from() || now >= known.until()) {
            double from = timeline.lastChangeAt(now);
            known = new Change(from, timeline.nextChangeAfter(now), instantAt(from));
            lastChange = known;
        }
        return known.at();
    }

    /** When the job changes by itself next (its clock): its next phase; null once ended or cancelled. */
    Instant nextChangeAt() {
        if (cancelledOffset != null) {
            return null;
        }
        double next = timeline.nextChangeAfter(offsetOf(clock.instant()));
        return Double.isInfinite(next) ? null : instantAt(next);
    }

    /** The job's last phase change, {@code at}, which holds from {@code from} until {@code until} (scenario time). */
    private record Change(double from, double until, Instant at) {}

    public boolean wasCancelled() {
        return cancelledOffset != null;
    }

    ScenarioConnection connection() {
        return connection;
    }

    JobSnapshot snapshot() {
        Double cancelled = cancelledOffset;
        return cancelled != null ? timeline.cancelledAt(cancelled) : timeline.at(offsetOf(clock.instant()));
    }

    /** Cancels unless already terminal; answers whether this call cancelled it. */
    synchronized boolean cancel() {
        if (cancelledOffset != null || snapshot().isTerminal()) {
            return false;
        }
        cancelledAt(clock.instant());
        return true;
    }

    /** Records a cancel at {@code at}: now, or when a journal says it happened. */
    void cancelledAt(Instant at) {
        cancelledOffset = offsetOf(at);
    }

    /** When the script ends the job (succeeded, failed or cancelled), ignoring any cancel by a client. */
    Instant scriptedEnd() {
        return instantAt(timeline.endOffset());
    }

    /** Real time until the script says succeeded, or null when it never will. */
    Duration untilSucceeded() {
        if (!timeline.terminalStatus().equals("succeeded")) {
            return null;
        }
        Instant end = instantAt(timeline.endOffset());
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    Instant instantAt(double offset) {
        return createdAt.plusNanos(Math.round(offset * timeScale * 1_000_000_000d));
    }

    private double offsetOf(Instant now) {
        return Duration.between(createdAt, now).toNanos() / 1_000_000_000d / timeScale;
    }
}
