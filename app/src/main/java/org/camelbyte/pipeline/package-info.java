/**
 * The pipelines.yaml model: the file's shape as one Jackson mapping binds it (the {@code *Entry} records), their
 * validation into pipelines and groups, the dependency graph, logical connection names.
 *
 * <p>Must not know Camel routes, Airbyte calls or run records: it is the configuration, read once at startup.
 */
package org.camelbyte.pipeline;
