/**
 * Talks to Airbyte: both API flavours (public and config), authentication, TLS, the connection lookup
 * and its cache, the one way to start a job without making two ({@link org.camelbyte.airbyte.JobStart}), the
 * batched job watcher and {@link org.camelbyte.airbyte.JobFollower} (the one way to wait for a job), typed
 * errors. Hosts build the client from {@link org.camelbyte.airbyte.AirbyteSettings} (the app's
 * {@code airbyteconfig/}, the component's configuration).
 *
 * <p>Must not know routes, runs, pipelines or the state database: it answers questions about Airbyte only.
 */
package org.camelbyte.airbyte;
