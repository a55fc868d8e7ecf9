/**
 * The operator's side of the HTTP API and the status page: run history, cancel, the OpenAPI document and
 * the page's static files. It reads run records and pipelines and asks the run loop to stop through
 * {@link org.camelbyte.run.RunCancels}; it must not drive a run's steps itself.
 */
package org.camelbyte.api;
