/**
 * Where requests become run records: schedules (on Quartz's clustered job store, misfires as Quartz handles
 * them), queue messages, HTTP calls and resumed runs; the one request check for HTTP and queue, idempotent on
 * requestId; the pipeline routes and run-lease renewal.
 *
 * <p>Must not know HTTP or the steps of a run: it writes the record and hands the run to {@code seda:runs}.
 */
package org.camelbyte.intake;
