package org.camelbyte.component;

import java.time.Duration;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.camelbyte.airbyte.JobType;

/** One airbyte: operation and its options; documented in docs/component.md. */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "airbyte",
        title = "Airbyte",
        syntax = "airbyte:operation",
        category = {Category.API},
        headersClass = AirbyteConstants.class)
public class AirbyteEndpoint extends DefaultEndpoint {
    @UriPath(enums = "connections,lookup,sync,job,cancel,run,outcomes", description = "What to do.")
    @Metadata(required = true)
    private final AirbyteOperation operation;

    @UriParam(
            label = "producer",
            description = "connections: only connections whose name contains this, ignoring case.")
    private String match;

    @UriParam(
            label = "producer",
            description = "lookup, sync: the connection's name or id; else the CamelAirbyteConnectionId header.")
    private String connection;

    @UriParam(
            label = "producer",
            defaultValue = "sync",
            enums = "sync,reset,clear",
            description = "sync: the kind of job to start.")
    private String jobType = "sync";

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "sync, run: continue the exchange only when the job (run) has ended; no thread is held meanwhile.")
    private boolean waitForCompletion;

    @UriParam(
            label = "producer",
            defaultValue = "10s",
            description = "sync, run: how often the job's (run's) state is read while waiting.")
    private String pollInterval = "10s";

    @UriParam(
            label = "producer",
            defaultValue = "6h",
            description = "sync, run: how long to wait for the end before failing the exchange.")
    private String timeout = "6h";

    @UriParam(
            label = "producer",
            defaultValue = "true",
            description = "sync: cancel the Airbyte job when the timeout passes.")
    private boolean cancelOnTimeout = true;

    @UriParam(label = "producer", description = "job, cancel: the job id; else the CamelAirbyteJobId header.")
    private Long jobId;

    @UriParam(
            label = "common",
            description = "run: the configured pipeline to run. outcomes: only this pipeline's outcomes.")
    private String pipeline;

    @UriParam(
            label = "consumer",
            description =
                    "outcomes: only these run statuses, comma separated (succeeded,failed,cancelled,timed_out,skipped).")
    private String status;

    AirbyteEndpoint(String uri, AirbyteComponent component, AirbyteOperation operation) {
        super(uri, component);
        this.operation = operation;
    }

    /** Refuses, at route start, options that cannot work; one sentence naming the option. */
    void validate() {
        JobType.parse(jobType);
        pollIntervalDuration();
        timeoutDuration();
        if (operation == AirbyteOperation.RUN && (pipeline == null || pipeline.isBlank())) {
            throw new IllegalArgumentException(
                    "airbyte:run needs the option pipeline naming a pipeline of pipelines.yaml.");
        }
        if (operation == AirbyteOperation.RUN || operation == AirbyteOperation.OUTCOMES) {
            // refused at route start outside the Camelbyte app, with a sentence saying what to use instead
            getComponent().runs();
        }
    }

    @Override
    public Producer createProducer() {
        if (operation == AirbyteOperation.OUTCOMES) {
            throw new IllegalArgumentException("airbyte:outcomes is a consumer: use it in 'from', and airbyte:sync or"
                    + " airbyte:run to start work.");
        }
        return new AirbyteProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != AirbyteOperation.OUTCOMES) {
            throw new IllegalArgumentException("airbyte:" + operation.wireName() + " cannot start a route; only"
                    + " airbyte:outcomes can ('from'), the others go in 'to'.");
        }
        AirbyteConsumer consumer = new AirbyteConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public AirbyteComponent getComponent() {
        return (AirbyteComponent) super.getComponent();
    }

    Duration pollIntervalDuration() {
        return AirbyteConfiguration.duration("pollInterval", pollInterval);
    }

    Duration timeoutDuration() {
        return AirbyteConfiguration.duration("timeout", timeout);
    }

    public AirbyteOperation getOperation() {
        return operation;
    }

    public String getMatch() {
        return match;
    }

    public void setMatch(String match) {
        this.match = match;
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public String getJobType() {
        return jobType;
    }

    public void setJobType(String jobType) {
        this.jobType = jobType;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public String getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(String pollInterval) {
        this.pollInterval = pollInterval;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public boolean isCancelOnTimeout() {
        return cancelOnTimeout;
    }

    public void setCancelOnTimeout(boolean cancelOnTimeout) {
        this.cancelOnTimeout = cancelOnTimeout;
    }

    public Long getJobId() {
        return jobId;
    }

    public void setJobId(Long jobId) {
        this.jobId = jobId;
    }

    public String getPipeline() {
        return pipeline;
    }

    public void setPipeline(String pipeline) {
        this.pipeline = pipeline;
    }
    /** The option status (getStatus is the service state of every endpoint). */
    public String getStatusFilter() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
