package org.camelbyte.airbyte;

import java.time.Instant;

/**
 * What one batched look ({@link AirbyteClient#listJobsChangedSince}) read.
 *
 * @param pages         the pages it asked for
 * @param complete      whether it saw every job changed since the time asked; false when it stopped at the page
 *                      limit, so a followed job missing from it may have changed unseen
 * @param filterIgnored whether the server showed jobs changed well before the time asked, ignoring the filter
 * @param newestFirst   the newest change time the first page showed, when the whole listing came newest change
 *                      first; null otherwise (another order, or no time shown). Every change made after that page
 *                      was served is at least as new, so the next look can list from it ({@link ListingCursor})
 */
public record JobListing(int pages, boolean complete, boolean filterIgnored, Instant newestFirst) {}
