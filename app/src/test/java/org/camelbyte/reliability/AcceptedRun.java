package org.camelbyte.reliability;

/** A run the app accepted (answered 202 or 200 with a runId), and the connection it should sync once. */
record AcceptedRun(String runId, String requestId, String connectionName) {}
