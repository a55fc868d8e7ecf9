package org.camelbyte.airbyte;

/**
 * What one batched look ({@link AirbyteClient#listJobsChangedSince}) read.
 *
 * @param pages         the pages it asked for
 * @param complete      whether it saw every job changed since the time asked; false when it stopped at the page
 *                      limit, so a followed job missing from it may have changed unseen
 * @param filterIgnored whether the server showed jobs changed well before the time asked, ignoring the filter
 */
public record JobListing(int pages, boolean complete, boolean filterIgnored) {}
