package org.camelbyte.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camelbyte.airbyte.AirbyteClient;
import org.camelbyte.airbyte.AirbyteConnection;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.AirbyteRejectedException;
import org.camelbyte.airbyte.AirbyteUnavailableException;
import org.camelbyte.airbyte.JobListing;
import org.camelbyte.airbyte.JobType;
import org.camelbyte.airbyte.TriggeredJob;

/**
 * Every Airbyte call timed, by operation and outcome: the one place all calls pass, whatever transport
 * the client uses underneath. Outcomes: {@code ok}, {@code unavailable} (down, slow, 5xx, 429),
 * {@code rejected} (a final answer such as 404 or 422), {@code error} (anything else).
 */
public class MeteredAirbyteClient implements AirbyteClient {
    private final AirbyteClient client;
    private final MeterRegistry registry;
    /** Each operation's timer by outcome, looked up once: a burst makes thousands of calls a second. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** The operations a run makes, each a series from the start (the rarer ones appear when first called). */
    private static final List<String> RUN_OPERATIONS = List.of("start_job", "get_job", "list_jobs", "cancel_job");

    private static final List<String> OUTCOMES = List.of("ok", "unavailable", "rejected", "error");

    public MeteredAirbyteClient(AirbyteClient client, MeterRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    /** The calls a run makes, at zero from the start. */
    static void zero(MeterRegistry registry) {
        RUN_OPERATIONS.forEach(operation -> OUTCOMES.forEach(outcome -> timer(registry, operation, outcome)));
    }

    @Override
    public List<AirbyteConnection> listConnections() {
        return timed("list_connections", client::listConnections);
    }

    @Override
    public TriggeredJob startJob(String connectionId, JobType type) {
        return timed("start_job", () -> client.startJob(connectionId, type));
    }

    @Override
    public Optional<AirbyteJob> findJobCreatedSince(String connectionId, JobType type, Instant since) {
        return timed("find_job", () -> client.findJobCreatedSince(connectionId, type, since));
    }

    @Override
    public Optional<Long> newestJobId(String connectionId) {
        return timed("newest_job", () -> client.newestJobId(connectionId));
    }

    @Override
    public OptionalLong newestJobIdOverall() {
        return timed("newest_job_overall", client::newestJobIdOverall);
    }

    @Override
    public List<AirbyteJob> jobsAfter(String connectionId, JobType type, long afterJobId) {
        return timed("jobs_after", () -> client.jobsAfter(connectionId, type, afterJobId));
    }

    @Override
    public JobListing listJobsChangedSince(
            Instant since,
            Set<String> connectionIds,
            int maxPages,
            Consumer<AirbyteJob> each,
            BooleanSupplier seenEnough) {
        return timed("list_jobs", () -> client.listJobsChangedSince(since, connectionIds, maxPages, each, seenEnough));
    }

    @Override
    public AirbyteJob getJob(long jobId) {
        return timed("get_job", () -> client.getJob(jobId));
    }

    @Override
    public void cancelJob(long jobId) {
        timed("cancel_job", () -> {
            client.cancelJob(jobId);
            return null;
        });
    }

    private <T> T timed(String operation, Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T answer = call.get();
            outcome = "ok";
            return answer;
        } catch (AirbyteUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } catch (AirbyteRejectedException e) {
            outcome = "rejected";
            throw e;
        } finally {
            sample.stop(timer(operation, outcome));
        }
    }

    private Timer timer(String operation, String outcome) {
        return timers.computeIfAbsent(operation + ' ' + outcome, key -> timer(registry, operation, outcome));
    }

    private static Timer timer(MeterRegistry registry, String operation, String outcome) {
        return Timer.builder("camelbyte.airbyte.calls")
                .description("Airbyte API calls, by operation and outcome")
                .tags("operation", operation, "outcome", outcome)
                .register(registry);
    }
}
