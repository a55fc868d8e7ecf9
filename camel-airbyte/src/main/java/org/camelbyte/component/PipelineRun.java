package org.camelbyte.component;

import java.util.Map;

/**
 * A run of the host application's pipelines as {@code airbyte:run} and {@code airbyte:outcomes} see it: the
 * fields they read and the run's JSON, which becomes the exchange's body. The Camelbyte app makes these from
 * its runs; the component knows nothing else of them.
 *
 * @param ended whether the run has its outcome
 * @param succeeded whether that outcome is no failure (succeeded, or skipped by its group)
 */
public record PipelineRun(
        String runId,
        String requestId,
        String pipeline,
        String status,
        boolean ended,
        boolean succeeded,
        Long jobId,
        String jobStatus,
        String connectionId,
        String error,
        Map<String, Object> json) {}
