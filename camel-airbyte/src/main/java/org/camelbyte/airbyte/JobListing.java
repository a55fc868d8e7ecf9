package org.camelbyte.airbyte;

import java.time.Instant;

/**
 * What one batched look ({@link AirbyteClient#listJobsChangedSince}) read.
 *
 * @param pages         the pages it asked for
 * @param complete      whether it saw every job changed since the time asked, or stopped once it had shown every
 *                      job the caller waits on; false when it stopped at the page limit, so a followed job
 *                      missing from it may have changed unseen
 * @param filterIgnored whether the server showed jobs changed well before the time asked, ignoring the filter
 * @param newestFirst   whether the listing came newest change first (trivially so when it showed no time): then
 *                      every change made after its first page was served is newer than that page's changes, and
 *                      the pages after it can repeat a job but never skip one ({@link ListingCursor})
 * @param firstPageNewest the newest change time the first page showed; null when it showed none
 */
public record JobListing(
        int pages, boolean complete, boolean filterIgnored, boolean newestFirst, Instant firstPageNewest) {}
