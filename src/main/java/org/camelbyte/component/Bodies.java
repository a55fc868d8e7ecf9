package org.camelbyte.component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Message;
import org.camelbyte.airbyte.AirbyteConnection;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.run.Run;

/** Out bodies as JSON-ready maps (a route marshals them as they are), and the headers that go with them. */
final class Bodies {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

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

    /** The run JSON of the HTTP API and the outcome events: runId, status, jobId, rowsSynced, bytesSynced, ... */
    static Map<String, Object> run(Run run) {
        return JSON.convertValue(run, new TypeReference<Map<String, Object>>() {});
    }

    static void jobHeaders(Message message, AirbyteJob job) {
        message.setHeader(AirbyteConstants.JOB_ID, job.jobId());
        message.setHeader(AirbyteConstants.JOB_STATUS, job.status().wireName());
        if (job.connectionId() != null) {
            message.setHeader(AirbyteConstants.CONNECTION_ID, job.connectionId());
        }
    }

    static void runHeaders(Message message, Run run) {
        message.setHeader(AirbyteConstants.RUN_ID, run.getRunId());
        message.setHeader(AirbyteConstants.REQUEST_ID, run.getRequestId());
        message.setHeader(AirbyteConstants.JOB_ID, run.getJobId());
        message.setHeader(AirbyteConstants.JOB_STATUS, run.getJobStatus());
        message.setHeader(AirbyteConstants.CONNECTION_ID, run.getConnectionId());
    }
}
