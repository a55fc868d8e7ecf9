package org.camelbyte.pipeline;

/**
 * A Quartz cron for a pipeline. {@code queueWhenBusy} queues a firing behind a run still going instead of
 * skipping it; {@code runMissedOnce} runs once at start-up for firings missed while the app was down.
 */
public record Schedule(String cron, String timeZone, boolean queueWhenBusy, boolean runMissedOnce) {}
