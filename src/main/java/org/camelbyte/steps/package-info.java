/**
 * The run steps the route template calls behind {@code direct:run-*}, and what happens between their
 * attempts. Knows the run record and the Airbyte client; knows nothing of the HTTP API or of how runs
 * are requested.
 */
package org.camelbyte.steps;
