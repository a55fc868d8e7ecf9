/**
 * The HTTP API under {@code /api} and the status page: its routes (runs, history, cancel, pipelines, groups,
 * connections, the OpenAPI document, the page's static files, Airbyte's webhook notifications), their shared authentication and status
 * mapping, and how the API's authentication and the webhook's secret are chosen from settings.
 *
 * <p>Must not hold run or group logic: it turns HTTP into calls on {@code intake/}, {@code group/} and the run
 * records and back; a cancel is written to the run record, which the run's loop reads, never by driving its steps.
 */
package org.camelbyte.api;
