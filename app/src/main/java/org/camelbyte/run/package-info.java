/**
 * Durable run records in the state database, run leases between instances, resuming after a restart, and the
 * state database's wiring.
 *
 * <p>Must not know Airbyte, HTTP or Camel routes: it stores and reads runs.
 */
package org.camelbyte.run;
