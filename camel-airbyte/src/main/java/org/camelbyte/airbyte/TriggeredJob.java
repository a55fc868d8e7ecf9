package org.camelbyte.airbyte;

/** The job a trigger call produced, or the running job it adopted after a 409. */
public record TriggeredJob(AirbyteJob job, boolean adopted) {}
