package org.camelbyte.poststep;

/** What a check saw, in words a person reads in the run record, and whether that meets the expectation. */
public record Observation(String observed, boolean passed) {}
