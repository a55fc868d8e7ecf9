package org.camelbyte.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.AirbyteConnection;
import org.camelbyte.airbyte.AirbyteJob;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.airbyte.JobStatus;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.poststep.CheckContext;
import org.camelbyte.poststep.PostSyncResult;
import org.camelbyte.poststep.PostSyncRunner;
import org.camelbyte.poststep.PostSyncSpec;
import org.camelbyte.poststep.TableName;
import org.camelbyte.poststep.TableNames;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;
import org.camelbyte.run.RunWaiting;

/**
 * After a successful sync: refresh statistics of the tables that received rows and run the pipeline's
 * checks, on the post-sync pool ({@code runs.post-sync-threads}), so a slow warehouse holds only its own
 * workers. The results go on the run, and a failed {@code fail}-severity check fails it. A step that throws
 * fails the run with its reason while the sync's own figures stay on the record.
 */
public class PostSyncStep implements Processor {
    private final PipelineCatalog catalog;
    private final Map<String, DataSource> dataSources;
    private final ConnectionLookup lookup;
    private final RunStore store;
    private final RunEnding ending;
    private final ObjectMapper json;
    private final PostSyncRunner runner = new PostSyncRunner();
    private final ThreadPoolExecutor workers;

    PostSyncStep(
            PipelineCatalog catalog,
            Map<String, DataSource> dataSources,
            ConnectionLookup lookup,
            RunStore store,
            RunEnding ending,
            ObjectMapper json,
            ThreadPoolExecutor workers) {
        this.workers = workers;
        this.catalog = catalog;
        this.dataSources = dataSources;
        this.lookup = lookup;
        this.store = store;
        this.ending = ending;
        this.json = json;
    }

    /** Whether the run goes through post-sync: its job succeeded and its pipeline has {@code postSync:}. */
    public boolean due(Exchange exchange) {
        Run run = RunVariable.of(exchange);
        AirbyteJob job = exchange.getProperty(AirbyteJob.class.getName(), AirbyteJob.class);
        return !run.isFinal()
                && job != null
                && job.status() == JobStatus.SUCCEEDED
                && catalog.find(run.getPipeline()).map(Pipeline::postSync).isPresent();
    }

    /**
     * Before the hand-over to the post-sync pool: the run shows {@code post_sync}, and while every post-sync
     * worker is busy, that it waits for one. A run ended meanwhile (cancelled through the API as its job
     * finished) keeps that outcome and gets no checks.
     */
    public void queued(Exchange exchange) {
        Run run = RunVariable.of(exchange);
        run.setStatus(RunStatus.POST_SYNC);
        if (workers.getActiveCount() >= workers.getMaximumPoolSize()) {
            run.setWaiting(new RunWaiting(
                    "post_sync",
                    "Waiting for a free post-sync worker: all " + workers.getMaximumPoolSize()
                            + " are busy (runs.post-sync-threads), "
                            + workers.getQueue().size()
                            + " runs wait before this one.",
                    1,
                    null));
        }
        if (!store.updateWhileOpen(run)) {
            ending.takeRecordedEnd(exchange, run);
        }
    }

    /**
     * Refreshes statistics and runs the checks, on a post-sync worker. The verdict is left on the exchange for
     * the finish step, which records it with the run's outcome (and the team's steps' results) in one write.
     */
    @Override
    public void process(Exchange exchange) {
        Run run = RunVariable.of(exchange);
        AirbyteJob job = exchange.getProperty(AirbyteJob.class.getName(), AirbyteJob.class);
        PostSyncSpec spec =
                catalog.find(run.getPipeline()).map(Pipeline::postSync).orElseThrow();
        run.setWaiting(null);
        try {
            PostSyncResult result = runner.run(
                    dataSources.get(spec.dataSource()),
                    spec,
                    syncedTables(run, job),
                    CheckContext.of(run.getRowsSynced(), previousRowCounts(run)));
            ObjectNode node = json.valueToTree(result);
            run.setPostSync(node);
            if (result.failed()) {
                exchange.setProperty(
                        RunProperties.POST_SYNC_FAILURE,
                        result.failureSentence().orElse("A post-sync check failed."));
            }
        } catch (RuntimeException e) {
            exchange.setProperty(
                    RunProperties.POST_SYNC_FAILURE,
                    "The sync succeeded (job " + run.getJobId() + ", " + run.getRowsSynced()
                            + " rows) but a post-sync step failed: " + e.getMessage());
        }
    }

    /** Destination tables of the streams that committed rows (all streams when the API gives no per-stream stats). */
    private List<TableName> syncedTables(Run run, AirbyteJob job) {
        AirbyteConnection connection = lookup.resolve(run.getConnectionName());
        List<String> streams = connection.streams();
        if (!job.streams().isEmpty()) {
            Set<String> withRows = job.streams().stream()
                    .filter(s -> s.rowsCommitted() > 0)
                    .map(AirbyteJob.StreamStats::name)
                    .collect(Collectors.toSet());
            streams = streams.stream().filter(withRows::contains).toList();
        }
        return TableNames.fromStreams(connection.namespace(), connection.prefix(), streams);
    }

    private Map<String, Long> previousRowCounts(Run run) {
        Map<String, Long> counts = new HashMap<>();
        store.recentRuns(run.getPipeline(), 20).stream()
                .filter(r -> r.getStatus() == RunStatus.SUCCEEDED
                        && r.getPostSync() != null
                        && !r.getRunId().equals(run.getRunId()))
                .findFirst()
                .ifPresent(r -> r.getPostSync()
                        .path("rowCounts")
                        .fields()
                        .forEachRemaining(
                                e -> counts.put(e.getKey(), e.getValue().asLong())));
        return counts;
    }
}
