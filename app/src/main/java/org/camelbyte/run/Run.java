package org.camelbyte.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a pipeline: the record that is written before every next step, so a restarted app can
 * follow the same Airbyte job. Serialised as the run JSON of the HTTP API and outcome events.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "runId",
    "requestId",
    "pipeline",
    "connectionName",
    "connectionId",
    "jobId",
    "jobType",
    "trigger",
    "status",
    "startedAt",
    "endedAt",
    "rowsSynced",
    "bytesSynced",
    "attempts",
    "jobStatus",
    "postSync",
    "results",
    "error",
    "waiting"
})
public class Run {
    /** The exchange variable a run's route carries the run in (docs/pipelines.md). */
    public static final String VARIABLE = "run";

    private String runId;
    private String requestId;
    private String pipeline;
    private String connectionName;
    private String connectionId;
    private Long jobId;
    private String jobType;
    private String trigger;
    private boolean held;
    private RunStatus status;
    private Instant startedAt;
    private Instant endedAt;
    private long rowsSynced;
    private long bytesSynced;
    private int attempts;
    private String jobStatus;
    private JsonNode postSync;
    private String error;
    private Instant triggerRequestedAt;
    private Instant triggerPostedAt;
    private Instant deadline;
    private String groupRunId;
    private Instant jobStatusSince;
    private Instant progressAt;
    private int incompleteAttempts;
    private Long baselineJobId;
    private RunWaiting waiting;
    private Map<String, String> results;
    private String airbyteInstance;

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public String getPipeline() {
        return pipeline;
    }

    public void setPipeline(String pipeline) {
        this.pipeline = pipeline;
    }

    public String getConnectionName() {
        return connectionName;
    }

    public void setConnectionName(String connectionName) {
        this.connectionName = connectionName;
    }

    public String getConnectionId() {
        return connectionId;
    }

    public void setConnectionId(String connectionId) {
        this.connectionId = connectionId;
    }

    public Long getJobId() {
        return jobId;
    }

    public void setJobId(Long jobId) {
        this.jobId = jobId;
    }

    public String getJobType() {
        return jobType;
    }

    public void setJobType(String jobType) {
        this.jobType = jobType;
    }
    /** What started the run: http, queue, schedule, upstream or resume. */
    public String getTrigger() {
        return trigger;
    }

    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }
    /** Queued behind a run of the same pipeline still going (schedule whenBusy: queue). */
    @JsonIgnore
    public boolean isHeld() {
        return held;
    }

    public void setHeld(boolean held) {
        this.held = held;
    }

    public RunStatus getStatus() {
        return status;
    }

    public void setStatus(RunStatus status) {
        this.status = status;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public void setEndedAt(Instant endedAt) {
        this.endedAt = endedAt;
    }

    public long getRowsSynced() {
        return rowsSynced;
    }

    public void setRowsSynced(long rowsSynced) {
        this.rowsSynced = rowsSynced;
    }

    public long getBytesSynced() {
        return bytesSynced;
    }

    public void setBytesSynced(long bytesSynced) {
        this.bytesSynced = bytesSynced;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }
    /** Airbyte's own last-seen job status (pending, running, incomplete, ...), for progress and watchdogs. */
    public String getJobStatus() {
        return jobStatus;
    }

    public void setJobStatus(String jobStatus) {
        this.jobStatus = jobStatus;
    }

    public JsonNode getPostSync() {
        return postSync;
    }

    public void setPostSync(JsonNode postSync) {
        this.postSync = postSync;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    /** When the job-creating POST was first sent: the lower bound when looking for a job it may have made. */
    @JsonIgnore
    public Instant getTriggerRequestedAt() {
        return triggerRequestedAt;
    }

    public void setTriggerRequestedAt(Instant triggerRequestedAt) {
        this.triggerRequestedAt = triggerRequestedAt;
    }

    /**
     * When the latest job-creating POST was sent (committed before it goes out), null once a POST was answered
     * or refused: a lost answer's POST may still reach Airbyte until some time after this.
     */
    @JsonIgnore
    public Instant getTriggerPostedAt() {
        return triggerPostedAt;
    }

    public void setTriggerPostedAt(Instant triggerPostedAt) {
        this.triggerPostedAt = triggerPostedAt;
    }

    @JsonIgnore
    public Instant getDeadline() {
        return deadline;
    }

    public void setDeadline(Instant deadline) {
        this.deadline = deadline;
    }

    /** The group run this run belongs to, or null for a run started on its own. */
    public String getGroupRunId() {
        return groupRunId;
    }

    public void setGroupRunId(String groupRunId) {
        this.groupRunId = groupRunId;
    }

    /** When the job entered its last-seen status: how long it has been pending, for the watchdog. */
    @JsonIgnore
    public Instant getJobStatusSince() {
        return jobStatusSince;
    }

    public void setJobStatusSince(Instant jobStatusSince) {
        this.jobStatusSince = jobStatusSince;
    }
    /** When the job's status, rows, bytes or attempts last changed. */
    @JsonIgnore
    public Instant getProgressAt() {
        return progressAt;
    }

    public void setProgressAt(Instant progressAt) {
        this.progressAt = progressAt;
    }
    /** Attempts of the job that ended incomplete so far. */
    @JsonIgnore
    public int getIncompleteAttempts() {
        return incompleteAttempts;
    }

    public void setIncompleteAttempts(int incompleteAttempts) {
        this.incompleteAttempts = incompleteAttempts;
    }

    /**
     * A job id read before this run first POSTed its job: no job of this run is numbered at or below it (0:
     * Airbyte had no job). The newest job id overall, shared by the starts of that moment (on servers that
     * cannot list across connections, the connection's own); older records hold the connection's newest. A
     * job of this run's connection with a greater id is the one a POST whose answer was lost created.
     */
    @JsonIgnore
    public Long getBaselineJobId() {
        return baselineJobId;
    }

    public void setBaselineJobId(Long baselineJobId) {
        this.baselineJobId = baselineJobId;
    }
    /** Why the run waits (a step retrying, the job POST still out); null while it moves. */
    public RunWaiting getWaiting() {
        return waiting;
    }

    public void setWaiting(RunWaiting waiting) {
        this.waiting = waiting;
    }

    /**
     * What the team's own steps in the run template kept on the run: each exchange variable named
     * {@code result.<key>}, as text (docs/pipelines.md). Shown in the run JSON, its history and its outcome event.
     */
    public Map<String, String> getResults() {
        return results;
    }

    public void setResults(Map<String, String> results) {
        // sorted, so the run JSON lists them the same way every time
        this.results =
                results == null || results.isEmpty() ? null : Collections.unmodifiableMap(new TreeMap<>(results));
    }

    @JsonIgnore
    public boolean isFinal() {
        return status != null && status.isFinal();
    }

    /** The Airbyte instance (base URL and workspace) the job id belongs to; null before a job is recorded. */
    @JsonIgnore
    public String getAirbyteInstance() {
        return airbyteInstance;
    }

    public void setAirbyteInstance(String airbyteInstance) {
        this.airbyteInstance = airbyteInstance;
    }
}
