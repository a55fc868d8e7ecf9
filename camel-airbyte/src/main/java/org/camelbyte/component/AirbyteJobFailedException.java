package org.camelbyte.component;

import java.util.Map;
import org.camelbyte.airbyte.AirbyteException;

/**
 * A job (or a durable run) that ended failed, cancelled or past its timeout. A route's {@code onException}
 * catches it and finds the job's last state, the same map a successful exchange would carry, in {@link #getJob()}.
 */
public class AirbyteJobFailedException extends AirbyteException {
    private final transient Map<String, Object> job;

    public AirbyteJobFailedException(String message, Map<String, Object> job) {
        super(message);
        this.job = job;
    }

    /** The job's (or run's) last state: jobId, status, rowsSynced, bytesSynced and more. */
    public Map<String, Object> getJob() {
        return job;
    }

    public Object getJobId() {
        return job.get("jobId");
    }

    public Object getStatus() {
        return job.get("status");
    }
}
