package org.camelbyte.component;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteConnection;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.JobFollower;
import org.camelbyte.airbyte.JobStatus;

/**
 * Does an endpoint's operation. The calls themselves are short and made on the caller's thread; waiting for
 * a job ({@link JobWait}) or a run ({@link RunWait}) to end holds no thread. A waiting sync follows its job
 * through the {@link org.camelbyte.airbyte.JobWatcher}, not by calls of its own.
 */
class AirbyteProducer extends DefaultAsyncProducer {
    private final AirbyteEndpoint endpoint;

    private final Clock clock = Clock.systemUTC();

    private volatile AirbyteAccess access;
    private WritableHealthCheckRepository healthChecks;
    private AirbyteProducerHealthCheck healthCheck;

    AirbyteProducer(AirbyteEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // optional: registered only where Camel's health checks are (camel-health and its producers repository)
        healthChecks = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new AirbyteProducerHealthCheck(this, endpoint.getId());
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        // the component closes its accesses when it stops: a restarted producer asks again
        access = null;
        super.doStop();
    }

    /** Why this producer's Airbyte looks unreachable; empty while it answers (or before any call to it). */
    Optional<String> trouble() {
        return endpoint.getComponent().trouble(endpoint.getConfiguration());
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            Message message = exchange.getMessage();
            switch (endpoint.getOperation()) {
                case CONNECTIONS ->
                    message.setBody(access().call(() -> lookup().search(endpoint.getMatch())).stream()
                            .map(Bodies::connection)
                            .toList());
                case LOOKUP -> {
                    AirbyteConnection connection = resolve(message);
                    message.setHeader(AirbyteConstants.CONNECTION_ID, connection.connectionId());
                    message.setBody(Bodies.connection(connection));
                }
                case JOB -> answer(message, readJob(jobId(message)));
                case CANCEL -> {
                    long jobId = jobId(message);
                    access().run(() -> client().cancelJob(jobId));
                    answer(message, readJob(jobId));
                }
                case SYNC -> {
                    return sync(exchange, callback);
                }
                case RUN -> {
                    return run(exchange, callback);
                }
                default ->
                    throw new IllegalStateException(
                            "airbyte:" + endpoint.getOperation().wireName() + " is not a producer.");
            }
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    private boolean sync(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        AirbyteConnection connection = resolve(message);
        // one job per exchange: a 409 adopts the running job, a lost answer the job Airbyte created
        AirbyteJob started = access().jobStart()
                .startOnce(connection.connectionId(), endpoint.getJobType())
                .job();
        answer(message, started);
        if (!endpoint.isWaitForCompletion()) {
            callback.done(true);
            return true;
        }
        new JobWait(
                        new JobFollower(
                                endpoint.getComponent().watcher(access(), endpoint.getConfiguration()), started),
                        scheduler(),
                        endpoint.getPollInterval(),
                        endpoint.getTimeout(),
                        clock,
                        job -> {
                            answer(message, job);
                            return job.status() == JobStatus.SUCCEEDED
                                    ? null
                                    : new AirbyteJobFailedException(
                                            "Airbyte job "
                                                    + job.jobId() + " on '" + connection.name() + "' ended "
                                                    + job.status().wireName()
                                                    + (job.failureReason() == null ? "" : ": " + job.failureReason())
                                                    + "; read the job's logs in Airbyte.",
                                            Bodies.job(job));
                        },
                        last -> {
                            answer(message, last);
                            String cancelled = endpoint.isCancelOnTimeout()
                                    ? cancel(last.jobId())
                                    : "left it running (cancelOnTimeout=false)";
                            return new AirbyteJobFailedException(
                                    "Airbyte job " + last.jobId() + " on '" + connection.name()
                                            + "' did not end within " + endpoint.timeoutText() + "; " + cancelled
                                            + ".",
                                    Bodies.job(last));
                        })
                .start(started, exchange, callback);
        return false;
    }

    private String cancel(long jobId) {
        try {
            access().run(() -> client().cancelJob(jobId));
            return "cancelled it";
        } catch (RuntimeException e) {
            return "cancelling it failed too (" + e.getMessage() + ")";
        }
    }

    private boolean run(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        String requestId = message.getHeader(AirbyteConstants.REQUEST_ID, String.class);
        if (requestId == null || requestId.isBlank()) {
            requestId = "airbyte-component:" + exchange.getExchangeId();
        }
        RunHandOff runs = endpoint.getComponent().runs();
        PipelineRun accepted = runs.accept(endpoint.getPipeline(), requestId);
        Bodies.run(message, accepted);
        if (!endpoint.isWaitForCompletion()) {
            callback.done(true);
            return true;
        }
        new RunWait(
                        runs,
                        scheduler(),
                        endpoint.getPollInterval(),
                        endpoint.getTimeout(),
                        clock,
                        run -> {
                            Bodies.run(message, run);
                            return run.succeeded()
                                    ? null
                                    : new AirbyteJobFailedException(
                                            "Run " + run.runId() + " of pipeline " + run.pipeline() + " ended "
                                                    + run.status() + ": " + run.error(),
                                            run.json());
                        },
                        last -> new AirbyteJobFailedException(
                                "Run " + accepted.runId() + " of pipeline " + accepted.pipeline()
                                        + " had not ended within " + endpoint.timeoutText()
                                        + "; it goes on under the pipeline's own timeout.",
                                last.json()))
                .start(accepted, exchange, callback);
        return false;
    }

    private static void answer(Message message, AirbyteJob job) {
        Bodies.jobHeaders(message, job);
        message.setBody(Bodies.job(job));
    }

    private String connectionName(Message message) {
        String name = endpoint.getConnection() != null
                ? endpoint.getConnection()
                : message.getHeader(AirbyteConstants.CONNECTION_ID, String.class);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("airbyte:"
                    + endpoint.getOperation().wireName() + " needs a connection: set the"
                    + " option connection (a name or id) or the header " + AirbyteConstants.CONNECTION_ID + ".");
        }
        return name;
    }

    private long jobId(Message message) {
        Long id = endpoint.getJobId() != null
                ? endpoint.getJobId()
                : message.getHeader(AirbyteConstants.JOB_ID, Long.class);
        if (id == null) {
            throw new IllegalArgumentException(
                    "airbyte:" + endpoint.getOperation().wireName() + " needs a job id: set the"
                            + " option jobId or the header " + AirbyteConstants.JOB_ID + ".");
        }
        return id;
    }

    private AirbyteConnection resolve(Message message) {
        String name = connectionName(message);
        return access().call(() -> lookup().resolve(name));
    }

    private AirbyteJob readJob(long jobId) {
        return access().call(() -> client().getJob(jobId));
    }

    /** The Airbyte of this endpoint's configuration, from the component (built when first needed). */
    AirbyteAccess access() {
        AirbyteAccess current = access;
        if (current == null) {
            current = endpoint.getComponent().access(endpoint.getConfiguration());
            access = current;
        }
        return current;
    }

    private AirbyteClient client() {
        return access().client();
    }

    private ConnectionLookup lookup() {
        return access().lookup();
    }

    private ScheduledExecutorService scheduler() {
        return endpoint.getComponent().scheduler();
    }
}
