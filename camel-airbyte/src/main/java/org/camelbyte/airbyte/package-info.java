/**
 * Talks to Airbyte: both API flavours (public and config), authentication, TLS, the connection lookup
 * and its cache, the one way to start a job without making two ({@link org.camelbyte.airbyte.JobStart}), the
 * batched job watcher, typed errors, and the wiring that builds the client, lookup, circuit breaker and
 * watcher from settings.
 *
 * <p>Must not know routes, runs, pipelines or the state database: it answers questions about Airbyte only.
 */
package org.camelbyte.airbyte;
