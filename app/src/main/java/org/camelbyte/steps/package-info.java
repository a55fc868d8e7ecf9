/**
 * The run queue and the run steps the YAML template calls behind {@code direct:run-*} (lookup, trigger, follow:
 * wait, poll, cancel requested, deadline, watchdog; post-sync, finish), each reading and writing the run in its
 * exchange variable ({@link org.camelbyte.steps.RunVariable}), the run's error handling, and the one way a run
 * ends ({@link org.camelbyte.steps.RunEnding}).
 *
 * <p>Must not know how a run was requested (HTTP, queue, schedule, group) nor the HTTP API.
 */
package org.camelbyte.steps;
