package org.camelbyte.component;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Message;
import org.camelbyte.airbyte.AirbyteConnection;
import org.camelbyte.airbyte.AirbyteJob;

/** Out bodies as JSON-ready maps (a route marshals them as they are), and the headers that go with them. */
final class Bodies {
    private Bodies() {}

    static Map<String, Object> job(AirbyteJob job) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("jobId", job.jobId());
        map.put("connectionId", job.connectionId());
        map.put("jobType", job.jobType() == null ? null : job.jobType().wireName());
        map.put("status", job.status().wireName());
        map.put("createdAt", job.createdAt() == null ? null : job.createdAt().toString());
        map.put("rowsSynced", job.rowsSynced());
        map.put("bytesSynced", job.bytesSynced());
        map.put("attempts", job.attempts());
        map.put("failureReason", job.failureReason());
        return map;
    }

    static Map<String, Object> connection(AirbyteConnection connection) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("connectionId", connection.connectionId());
        map.put("name", connection.name());
        map.put("workspaceId", connection.workspaceId());
        map.put("workspaceName", connection.workspaceName());
        map.put("status", connection.status());
        map.put("namespace", connection.namespace());
        map.put("prefix", connection.prefix());
        map.put("streams", connection.streams());
        return map;
    }

    static void jobHeaders(Message message, AirbyteJob job) {
        message.setHeader(AirbyteConstants.JOB_ID, job.jobId());
        message.setHeader(AirbyteConstants.JOB_STATUS, job.status().wireName());
        if (job.connectionId() != null) {
            message.setHeader(AirbyteConstants.CONNECTION_ID, job.connectionId());
        }
    }

    /** The run's headers, and its JSON (runId, status, jobId, rowsSynced, ...) as the body. */
    static void run(Message message, PipelineRun run) {
        message.setHeader(AirbyteConstants.RUN_ID, run.runId());
        message.setHeader(AirbyteConstants.REQUEST_ID, run.requestId());
        message.setHeader(AirbyteConstants.JOB_ID, run.jobId());
        message.setHeader(AirbyteConstants.JOB_STATUS, run.jobStatus());
        message.setHeader(AirbyteConstants.CONNECTION_ID, run.connectionId());
        message.setBody(run.json());
    }
}
