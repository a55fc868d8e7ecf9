/**
 * The HTTP API: what people, scripts and Airbyte itself call on the API port. Here today: the endpoint
 * that receives Airbyte's webhook notifications. It may know the job watcher's small public API and the
 * run records; it must not know how Airbyte is called or how a run's steps work.
 */
package org.camelbyte.api;
