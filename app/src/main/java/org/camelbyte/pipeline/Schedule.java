package org.camelbyte.pipeline;

/**
 * A Quartz cron for a pipeline. {@code queueWhenBusy} queues a firing behind a run still going instead of
 * skipping it; {@code runMissedOnce} runs once, as soon as an instance is up, a firing missed for longer
 * than Quartz's misfire threshold (every instance was down), instead of skipping it.
 */
public record Schedule(String cron, String timeZone, boolean queueWhenBusy, boolean runMissedOnce) {}
