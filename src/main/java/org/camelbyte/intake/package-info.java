/**
 * Requests into runs: schedule firings, queue messages and HTTP calls become run requests. Knows Quartz and
 * the run request model; must not know how a run's steps talk to Airbyte.
 */
package org.camelbyte.intake;
