/**
 * The run steps the YAML template {@code airbyte-sync} calls behind {@code direct:run-*}. A step reads and
 * writes the run on the exchange and the run record; it knows nothing of HTTP, queues or the status page.
 */
package org.camelbyte.steps;
