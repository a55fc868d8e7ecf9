/**
 * The pipelines.yaml model: pipelines, groups, their validation and dependency graph, logical connection names.
 *
 * <p>Must not know Camel routes, Airbyte calls or run records: it is the configuration, read once at startup.
 */
package org.camelbyte.pipeline;
