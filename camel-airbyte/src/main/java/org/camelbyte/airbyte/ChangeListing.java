package org.camelbyte.airbyte;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the jobs changed since a time, page by page, bounded whatever the server does with its filter. Some
 * servers ignore {@code updatedAtStart} and list every job they have: oldest change first, thousands of old jobs
 * come before the changes asked for, on pages without end. Such a server shows itself by a job whose last
 * change is well before the time asked; from then on (remembered, as a 404 is elsewhere) it is asked for the
 * newest change first, and the reading stops at the first job older than the time asked, as long as the answer
 * is in that order. In every case no more than {@code maxPages} pages are read: a listing cut there says so,
 * and the watcher reads the followed jobs it did not show one by one.
 */
final class ChangeListing {
    /**
     * Times may be shown to the minute while the server compares them to the millisecond: a job shown a little
     * before the time asked may still be one the filter let through. Only older than this proves it ignored.
     */
    static final Duration PRECISION = Duration.ofMinutes(1);

    /** One page of a listing, and whether the server says more follow. */
    record Page(List<AirbyteJob> jobs, boolean more) {}

    /** Reads the page at {@code offset}, newest change first or oldest change first; null: the server cannot list. */
    @FunctionalInterface
    interface Pages {
        Page read(int offset, boolean newestFirst);
    }

    private final int pageSize;
    private volatile boolean newestFirst;

    ChangeListing(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Null when the first page answered that the server cannot list jobs this way (it is asked per connection). */
    JobListing list(Instant since, int maxPages, Pages pages, Consumer<AirbyteJob> each) {
        Instant old = since.minus(PRECISION);
        boolean descending = newestFirst;
        boolean filterIgnored = false;
        int read = 0;
        int offset = 0;
        while (read < maxPages) {
            Page page = pages.read(offset, descending);
            if (page == null) {
                return null;
            }
            read++;
            Instant previous = null;
            boolean ordered = true;
            for (AirbyteJob job : page.jobs()) {
                // every snapshot is true, old or not: a followed job that ended long ago is news too
                each.accept(job);
                Instant changed = job.updatedAt();
                if (changed == null) {
                    continue; // a job not ended shows no time of its last change (public API)
                }
                ordered &= previous == null || !changed.isAfter(previous);
                previous = changed;
                if (changed.isBefore(old)) {
                    filterIgnored = true;
                    if (descending && ordered) {
                        // newest change first: every job after this one changed earlier still
                        return new JobListing(read, true, true);
                    }
                }
            }
            if (page.jobs().size() < pageSize || !page.more()) {
                return new JobListing(read, true, filterIgnored);
            }
            if (filterIgnored && !descending) {
                // the changes asked for are on its last pages: start again from the newest
                newestFirst = true;
                descending = true;
                offset = 0;
            } else {
                offset += pageSize;
            }
        }
        return new JobListing(read, false, filterIgnored);
    }
}
