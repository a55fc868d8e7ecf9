/**
 * The {@code airbyte:} Camel component: endpoint, async producer, the {@code airbyte:outcomes} consumer,
 * header constants and the typed exception for failed jobs, in the shape of Camel's own components.
 * It talks to Airbyte only through the {@code airbyte/} room's client, lookup, job start and job watcher (the
 * same ones the app's run steps use) and reaches the app's durable runs only through {@link org.camelbyte.component.RunHandOff};
 * it must not know the app's routes, the HTTP API or the state database.
 */
package org.camelbyte.component;
