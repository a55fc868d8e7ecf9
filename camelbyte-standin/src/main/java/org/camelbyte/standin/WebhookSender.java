package org.camelbyte.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Airbyte's workspace webhook notification: when a sync job ends succeeded or failed (never for resets,
 * clears or cancellations), one unsigned POST of {@code {"text", "data": SyncSummary}} to the configured
 * URL, at the job's end time, whether or not anyone polls.
 *
 * <p>Sent by up to {@link #SENDERS} threads at once, each waiting for its answer, as Airbyte's workers each
 * send their own job's notification: thousands of syncs ending together reuse kept-alive connections instead of
 * opening one each, and enough are in flight that a receiver taking some milliseconds per notification is not
 * sent them one after another (8 at once held 2,000 ends up to 0.6 s).
 */
final class WebhookSender implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());

    private final StandInScenario scenario;
    private final String webUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final LongAdder sent = new LongAdder();
    static final int SENDERS = 64;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "standin-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
        Thread t = new Thread(r, "standin-webhook-sender");
        t.setDaemon(true);
        return t;
    });
    private volatile URI target;

    WebhookSender(StandInScenario scenario, String webUrl) {
        this.scenario = scenario;
        this.webUrl = webUrl;
    }

    void sendTo(String url) {
        target = url == null ? null : URI.create(url);
    }

    long sent() {
        return sent.sum();
    }

    /** Called for each job created; schedules its notification at the scripted end. */
    void watch(StandInJob job) {
        if (!job.jobType().equals("sync")) {
            return;
        }
        Duration left = Duration.between(Instant.now(), job.scriptedEnd());
        timer.schedule(() -> notifyEnd(job), Math.max(0, left.toNanos()), TimeUnit.NANOSECONDS);
    }

    private void notifyEnd(StandInJob job) {
        URI url = target;
        JobSnapshot s = job.snapshot();
        if (!s.isTerminal() && !job.wasCancelled()) {
            // the timer may fire a hair before the scripted end (nanosecond rounding): try again just after
            timer.schedule(() -> notifyEnd(job), 5, TimeUnit.MILLISECONDS);
            return;
        }
        if (url == null
                || job.wasCancelled()
                || !(s.status().equals("succeeded") || s.status().equals("failed"))) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload(job, s).toString()))
                .build();
        sent.increment();
        senders.execute(() -> send(job, request));
    }

    private void send(StandInJob job, HttpRequest request) {
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                LOG.log(Level.WARNING, "webhook for job " + job.id() + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "webhook for job " + job.id() + " not delivered: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** airbyte-platform's SyncSummary under {@code data}, with the slack-style {@code text} beside it. */
    private ObjectNode payload(StandInJob job, JobSnapshot s) {
        ScenarioConnection c = job.connection();
        ScenarioWorkspace ws = scenario.workspaceOf(c);
        boolean success = s.status().equals("succeeded");
        ObjectNode body = Json.object()
                .put(
                        "text",
                        "Your connection " + c.name() + " " + (success ? "succeeded" : "failed") + " (job " + job.id()
                                + ").");
        ObjectNode data = body.putObject("data");
        data.putObject("workspace")
                .put("id", ws.id())
                .put("name", ws.name())
                .put("url", webUrl + "/workspaces/" + ws.id());
        data.putObject("connection")
                .put("id", c.id())
                .put("name", c.name())
                .put("url", webUrl + "/workspaces/" + ws.id() + "/connections/" + c.id());
        data.putObject("source").put("id", c.sourceId()).put("name", c.name() + " source");
        data.putObject("destination").put("id", c.destinationId()).put("name", c.name() + " destination");
        data.put("jobId", job.id())
                .put("success", success)
                .put("startedAt", job.createdAt().toString())
                .put("finishedAt", job.instantAt(s.endOffset()).toString())
                .put("bytesEmitted", s.bytes())
                .put("bytesCommitted", s.bytes())
                .put("recordsEmitted", s.rows())
                .put("recordsCommitted", s.rows())
                .put("errorMessage", s.failure());
        return body;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        senders.shutdownNow();
    }
}
