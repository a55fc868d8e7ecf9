package org.camelbyte.intake;

/**
 * A request to run: from the HTTP API, a queue message, a schedule or a group run. Names a pipeline or, for
 * queue messages, just an Airbyte connection (which then runs with the pipeline defaults) or a group.
 */
public record RunRequest(
        String requestId, String pipeline, String connectionName, String group, String jobType, String trigger) {

    public static RunRequest forPipeline(String pipeline, String requestId, String jobType, String trigger) {
        return new RunRequest(requestId, pipeline, null, null, jobType, trigger);
    }
}
