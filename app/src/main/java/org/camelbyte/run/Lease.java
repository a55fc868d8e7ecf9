package org.camelbyte.run;

import java.time.Duration;

/** This instance's claim on the runs it follows: who it is, and how long a claim lasts unless renewed. */
public record Lease(String owner, Duration duration) {}
