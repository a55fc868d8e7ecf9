/**
 * The outside services the app needs, embedded or real: PostgreSQL, the Artemis broker, the demo warehouse,
 * and the wiring that picks the embedded one unless a real one is configured (broker, destination data sources,
 * whose JDBC drivers beyond the jar's own come from the drivers folder).
 *
 * <p>Must not know runs, Airbyte calls or routes beyond the {@code jms} component it provides.
 */
package org.camelbyte.embedded;
