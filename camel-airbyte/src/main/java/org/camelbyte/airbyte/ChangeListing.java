package org.camelbyte.airbyte;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads the jobs changed since a time, page by page, newest change first, bounded whatever the server does with
 * its filter.
 *
 * <p>Newest first, for two reasons. The jobs that just ended come on the first page, so their runs wake at
 * the start of a look rather than after the pages of changes the last look already showed (the listing
 * overlaps them on purpose, see {@link ListingCursor}): with oldest change first, 2,000 syncs ending together
 * were seen up to 600 ms into a look of 15 pages. And a job that changes while the pages are read moves to the
 * front, ahead of the pages still to come: the next page repeats one job instead of skipping one, as a job
 * moving to the end of an oldest-first listing does. So the next look can list from the newest change on this
 * one's first page ({@link JobListing#firstPageNewest()}) instead of from one look before.
 *
 * <p>Some servers ignore {@code updatedAtStart} and list every job they have. Such a server shows itself by a
 * job whose last change is well before the time asked; the reading stops at the first such job, as long as the
 * answer is in the order asked. In every case no more than {@code maxPages} pages are read: a listing cut
 * there says so, and the watcher reads the followed jobs it did not show one by one.
 *
 * <p>It also stops after a page once the caller has seen enough: every job it waits on shown. The pages after
 * hold only older changes (the overlap with the last look) and jobs nobody waits on, and are not read while the
 * runs the look woke are being recorded (measured before the watcher looked again after ends, which now makes
 * each look's news smaller: listing calls at N = 2,000 133 before this stop, 110 and 126 after).
 */
final class ChangeListing {
    /**
     * Times may be shown to the minute while the server compares them to the millisecond: a job shown a little
     * before the time asked may still be one the filter let through. Only older than this proves it ignored.
     */
    static final Duration PRECISION = Duration.ofMinutes(1);

    /** One page of a listing, and whether the server says more follow. */
    record Page(List<AirbyteJob> jobs, boolean more) {}

    /** Reads the page at {@code offset}, newest change first; null: the server cannot list. */
    @FunctionalInterface
    interface Pages {
        Page read(int offset);
    }

    private final int pageSize;

    ChangeListing(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Null when the first page answered that the server cannot list jobs this way (it is asked per connection). */
    JobListing list(Instant since, int maxPages, Pages pages, Consumer<AirbyteJob> each, BooleanSupplier seenEnough) {
        Instant old = since.minus(PRECISION);
        boolean filterIgnored = false;
        boolean ordered = true;
        Instant previous = null;
        Instant firstPageNewest = null;
        for (int read = 1, offset = 0; read <= maxPages; read++, offset += pageSize) {
            Page page = pages.read(offset);
            if (page == null) {
                return null;
            }
            for (AirbyteJob job : page.jobs()) {
                // every snapshot is true, old or not: a followed job that ended long ago is news too
                each.accept(job);
                Instant changed = job.updatedAt();
                if (changed == null) {
                    continue; // a pending job shows no time of its last change (public API)
                }
                ordered &= previous == null || !changed.isAfter(previous);
                previous = changed;
                if (read == 1 && (firstPageNewest == null || changed.isAfter(firstPageNewest))) {
                    firstPageNewest = changed;
                }
                if (changed.isBefore(old)) {
                    filterIgnored = true;
                    if (ordered) {
                        // newest change first: every job after this one changed earlier still
                        return new JobListing(read, true, true, true, firstPageNewest);
                    }
                }
            }
            if (page.jobs().size() < pageSize || !page.more() || seenEnough.getAsBoolean()) {
                return new JobListing(read, true, filterIgnored, ordered, firstPageNewest);
            }
        }
        return new JobListing(maxPages, false, filterIgnored, ordered, firstPageNewest);
    }
}
