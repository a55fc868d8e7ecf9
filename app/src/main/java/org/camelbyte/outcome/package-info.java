/**
 * How does a run's outcome reach the world once it is recorded? The bookkeeping every ended run needs
 * (held requests, group progress, {@code airbyte:outcomes} consumers, metrics) and the outbox: outcome events
 * wait in the state database until the broker has taken them, delivered by one relay per instance.
 *
 * <p>Must not know how a run is followed or started: it starts from a run whose outcome is on its record.
 */
package org.camelbyte.outcome;
