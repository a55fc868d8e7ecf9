package org.camelbyte.component;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.camelbyte.airbyte.Durations;
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

    /** The component's configuration, copied, with this URI's connection options applied over it. */
    @UriParam
    private final AirbyteConfiguration configuration;

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
            description = "sync: the kind of job to start: sync, reset or clear.")
    private JobType jobType = JobType.SYNC;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description =
                    "sync, run: continue the exchange only when the job (run) has ended; no thread is held meanwhile.")
    private boolean waitForCompletion;

    @UriParam(
            label = "producer",
            defaultValue = "10s",
            javaType = "java.time.Duration",
            description = "sync, run: the longest a waiting exchange goes without a look at its job's (run's) state:"
                    + " 500ms, 30s, 10m, 1h30m or PT10M.")
    private Duration pollInterval = Duration.ofSeconds(10);

    @UriParam(
            label = "producer",
            defaultValue = "6h",
            javaType = "java.time.Duration",
            description = "sync, run: how long to wait for the end before failing the exchange: 30m, 6h, 1d or PT6H.")
    private Duration timeout = Duration.ofHours(6);

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

    /** The run statuses a host application's outcome can have. */
    static final Set<String> RUN_STATUSES = Set.of("succeeded", "failed", "cancelled", "timed_out", "skipped");

    @UriParam(
            label = "consumer",
            description =
                    "outcomes: only these run statuses, comma separated (succeeded,failed,cancelled,timed_out,skipped).")
    private String statuses;

    AirbyteEndpoint(
            String uri, AirbyteComponent component, AirbyteOperation operation, AirbyteConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    /** Refuses, at route start, options that cannot work; one sentence naming the option. */
    void validate() {
        String where = "Endpoint airbyte:" + operation.wireName();
        AirbyteConfiguration.positive(where, "pollInterval", pollInterval);
        AirbyteConfiguration.positive(where, "timeout", timeout);
        statusFilter();
        getComponent().check(configuration, where);
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

    /** The statuses option as a set; empty: every status. */
    Set<String> statusFilter() {
        if (statuses == null) {
            return Set.of();
        }
        Set<String> wanted = Arrays.stream(statuses.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        for (String status : wanted) {
            if (!RUN_STATUSES.contains(status)) {
                throw new IllegalArgumentException("The airbyte option statuses names '" + status + "', which is no"
                        + " run status; write some of succeeded,failed,cancelled,timed_out,skipped.");
            }
        }
        return wanted;
    }

    /** The connection options of this endpoint: the component's, with this URI's over them. */
    public AirbyteConfiguration getConfiguration() {
        return configuration;
    }

    /** How the timeout reads in messages, as the user wrote it. */
    String timeoutText() {
        return Durations.format(timeout);
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

    public JobType getJobType() {
        return jobType;
    }

    public void setJobType(JobType jobType) {
        this.jobType = jobType;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
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

    public String getStatuses() {
        return statuses;
    }

    public void setStatuses(String statuses) {
        this.statuses = statuses;
    }
}
