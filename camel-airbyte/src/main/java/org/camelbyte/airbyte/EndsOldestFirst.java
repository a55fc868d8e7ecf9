package org.camelbyte.airbyte;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Hands one look's snapshots on so that, of the jobs that ended since the last look, the one that ended first
 * wakes its run first. A newest-first listing shows them the other way round: with hundreds of runs ending per
 * look their wake-ups queue, and the run served last, the one whose end has waited longest to be seen, made the
 * worst detection lag. The ends newer than the last look's cursor are held until the listing passes them (its
 * first older change, or its end), then handed on oldest first; every other snapshot goes on at once.
 */
final class EndsOldestFirst {
    private record Held(WatchedJob watched, AirbyteJob job) {}

    /** Changes from here on (Airbyte's clock) are new since the last look. */
    private final Instant fresh;

    private final BiConsumer<WatchedJob, AirbyteJob> update;
    private final List<Held> held = new ArrayList<>();
    private int handedOn;

    EndsOldestFirst(Instant fresh, BiConsumer<WatchedJob, AirbyteJob> update) {
        this.fresh = fresh;
        this.update = update;
    }

    /** The listing showed {@code job}, followed as {@code watched}. */
    void shown(WatchedJob watched, AirbyteJob job) {
        Instant changed = job.updatedAt();
        if (changed == null) {
            update.accept(watched, job);
            return;
        }
        if (changed.isBefore(fresh)) {
            // past the new changes (newest first): every end held is known, so they go on before this one
            handOn();
            update.accept(watched, job);
            return;
        }
        if (job.status().isTerminal() && !watched.isTerminal()) {
            held.add(new Held(watched, job));
        } else {
            update.accept(watched, job);
        }
    }

    /**
     * Hands on the ends held, oldest first; at the latest when the listing ends, however it ends. Airbyte shows
     * whole seconds but orders by its own finer times, so within a second the listing's order, reversed, is the
     * order the jobs ended in: the sort is stable.
     */
    void handOn() {
        Collections.reverse(held);
        held.sort(Comparator.comparing((Held h) -> h.job().updatedAt()));
        held.forEach(h -> update.accept(h.watched(), h.job()));
        handedOn += held.size();
        held.clear();
    }

    /** The ends newer than the last look handed on so far. */
    int handedOn() {
        return handedOn;
    }
}
