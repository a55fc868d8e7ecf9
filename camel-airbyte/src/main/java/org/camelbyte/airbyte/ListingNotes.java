package org.camelbyte.airbyte;

import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the server's listings of changed jobs behaved, for health and the benchmark: how many showed that it
 * ignores their time filter, how many were cut at the page limit; each said once in the log.
 */
final class ListingNotes {
    private static final Logger LOG = LoggerFactory.getLogger(JobWatcher.class);

    private final LongAdder listingsIgnoringFilter = new LongAdder();
    private final LongAdder listingsCut = new LongAdder();
    private volatile boolean filterIgnoredSaid;
    private volatile boolean cutSaid;

    void note(JobListing listing, int maxPages) {
        if (listing.filterIgnored()) {
            listingsIgnoringFilter.increment();
            if (!filterIgnoredSaid) {
                filterIgnoredSaid = true;
                LOG.warn(
                        "Airbyte job watcher: Airbyte ignores the job list's time filter (updatedAtStart) and lists"
                                + " jobs changed long before; the watcher lists newest changes first, stops at the first old"
                                + " job and at {} pages, and reads the rest one by one",
                        maxPages);
            }
        }
        if (!listing.complete()) {
            listingsCut.increment();
            if (!cutSaid) {
                cutSaid = true;
                LOG.warn(
                        "Airbyte job watcher: a listing of changed jobs was cut at {} pages; the followed jobs it"
                                + " did not show are read one by one, up to {} per look",
                        maxPages,
                        SingleReads.PER_LOOK);
            }
        }
    }

    long ignoringFilter() {
        return listingsIgnoringFilter.sum();
    }

    long cut() {
        return listingsCut.sum();
    }
}
