package org.camelbyte.routes;

/**
 * A request to run: from the HTTP API, a queue message, a schedule or an upstream pipeline. Names either a
 * pipeline or, for queue messages, just an Airbyte connection (which then runs with the pipeline defaults).
 */
public record RunRequest(String requestId, String pipeline, String connectionName, String jobType, String trigger) {

    public static RunRequest forPipeline(String pipeline, String requestId, String jobType, String trigger) {
        return new RunRequest(requestId, pipeline, null, jobType, trigger);
    }
}
