package org.camelbyte.steps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.camelbyte.airbyte.Durations;
import org.camelbyte.airbyte.JobStatus;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.pipeline.Watchdog;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's watchdogs after each poll: a job pending too long, running without progress, or with
 * too many incomplete attempts. Each cause has its own policy: warn once, or cancel the job and end the
 * run as cancelled with a sentence naming the cause and its limit. The times come from the run record,
 * so a restart does not reset them.
 */
class WatchdogStep implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(WatchdogStep.class);
    private static final String WARNED = "watchdogWarned";

    private record Finding(String cause, Watchdog.Action action, String sentence) {}

    private final PipelineCatalog catalog;
    private final RunEnding ending;
    private final Clock clock;

    WatchdogStep(PipelineCatalog catalog, RunEnding ending, Clock clock) {
        this.catalog = catalog;
        this.ending = ending;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Run run = RunVariable.of(exchange);
        if (Boolean.TRUE.equals(exchange.getProperty(RunProperties.JOB_DONE, Boolean.class))
                || run.getJobId() == null) {
            return;
        }
        Watchdog watchdog =
                catalog.find(run.getPipeline()).map(p -> p.watchdog()).orElse(Watchdog.OFF);
        Optional<Finding> finding = check(run, watchdog, clock.instant());
        if (finding.isEmpty()) {
            return;
        }
        if (finding.get().action() == Watchdog.Action.CANCEL) {
            cancel(exchange, run, finding.get());
        } else if (warnedCauses(exchange).add(finding.get().cause())) {
            LOG.warn(
                    "Pipeline {}: {}; leaving it running (watchdog.{}: warn)",
                    run.getPipeline(),
                    finding.get().sentence(),
                    finding.get().cause());
        }
    }

    private static Optional<Finding> check(Run run, Watchdog watchdog, Instant now) {
        JobStatus status = JobStatus.parse(run.getJobStatus());
        if (watchdog.pendingFor() != null
                && (status == JobStatus.PENDING || status == JobStatus.QUEUED)
                && overdue(run.getJobStatusSince(), watchdog.pendingFor(), now)) {
            return Optional.of(new Finding(
                    "onPendingTooLong",
                    watchdog.onPendingTooLong(),
                    "Job " + run.getJobId()
                            + " stayed " + status.name().toLowerCase() + " for more than watchdog.pendingFor ("
                            + Durations.format(watchdog.pendingFor()) + ")"));
        }
        if (watchdog.noProgressFor() != null
                && status == JobStatus.RUNNING
                && overdue(run.getProgressAt(), watchdog.noProgressFor(), now)) {
            return Optional.of(new Finding(
                    "onNoProgress",
                    watchdog.onNoProgress(),
                    "Job " + run.getJobId()
                            + " made no progress in rows, bytes or attempts for more than watchdog.noProgressFor ("
                            + Durations.format(watchdog.noProgressFor()) + ")"));
        }
        if (watchdog.maxIncompleteAttempts() > 0 && run.getIncompleteAttempts() >= watchdog.maxIncompleteAttempts()) {
            return Optional.of(new Finding(
                    "onTooManyAttempts",
                    watchdog.onTooManyAttempts(),
                    "Job " + run.getJobId()
                            + " has " + run.getIncompleteAttempts()
                            + " incomplete attempts, reaching watchdog.maxIncompleteAttempts ("
                            + watchdog.maxIncompleteAttempts() + ")"));
        }
        return Optional.empty();
    }

    private static boolean overdue(Instant since, Duration limit, Instant now) {
        return since != null && Duration.between(since, now).compareTo(limit) > 0;
    }

    private void cancel(Exchange exchange, Run run, Finding finding) {
        String error = finding.sentence() + ending.cancelJob(run, " (watchdog." + finding.cause() + ": cancel).");
        ending.endLoop(exchange, run, RunStatus.CANCELLED, error);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> warnedCauses(Exchange exchange) {
        Set<String> warned = exchange.getProperty(WARNED, Set.class);
        if (warned == null) {
            warned = new HashSet<>();
            exchange.setProperty(WARNED, warned);
        }
        return warned;
    }
}
