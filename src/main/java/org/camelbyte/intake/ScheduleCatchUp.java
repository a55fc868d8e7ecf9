package org.camelbyte.intake;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunStore;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Firings missed while the app was down: a pipeline with {@code misfire: run_once} whose schedule should
 * have fired since its last run runs once at start-up; with {@code misfire: skip} the missed firings are
 * only logged.
 */
public class ScheduleCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleCatchUp.class);
    private final PipelineCatalog catalog;
    private final RunStore store;
    private final RunRequests requests;
    private final Clock clock;

    public ScheduleCatchUp(PipelineCatalog catalog, RunStore store, RunRequests requests, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.requests = requests;
        this.clock = clock;
    }

    public void run() {
        for (Pipeline p : catalog.all()) {
            if (p.schedule() == null) {
                continue;
            }
            var last = store.recentRuns(p.name(), 1);
            if (last.isEmpty()) {
                continue;
            }
            Instant missed = nextFiring(p, last.get(0));
            if (missed != null && missed.isBefore(clock.instant())) {
                if (p.schedule().runMissedOnce()) {
                    LOG.info("Pipeline {}: its schedule should have fired at {} while the app was down; running it once now", p.name(), missed);
                    requests.scheduled(p.name(), Date.from(missed));
                } else {
                    LOG.info("Pipeline {}: skipping the firing missed at {} while the app was down (misfire: skip)", p.name(), missed);
                }
            }
        }
    }

    private static Instant nextFiring(Pipeline p, Run last) {
        try {
            CronExpression cron = new CronExpression(p.schedule().cron());
            cron.setTimeZone(TimeZone.getTimeZone(p.schedule().timeZone()));
            Date next = cron.getNextValidTimeAfter(Date.from(last.getStartedAt()));
            return next == null ? null : next.toInstant();
        } catch (ParseException e) {
            throw new IllegalStateException("schedule of " + p.name() + " was validated at load", e);
        }
    }
}
