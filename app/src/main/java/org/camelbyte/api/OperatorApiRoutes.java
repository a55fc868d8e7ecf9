package org.camelbyte.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.Run;
import org.camelbyte.run.RunQuery;
import org.camelbyte.run.RunStatus;
import org.camelbyte.run.RunStore;

/** The operator's API: run history, cancel, and the one-call overview the status page refreshes from. */
public class OperatorApiRoutes extends ApiRouteBuilder {
    /** Runs per pipeline in the page's strip, and recent failures listed. */
    private static final int STRIP = 12;

    private static final int FAILURES = 10;
    private static final String CANCELLED = "camelbyteCancelled";
    private final RunStore store;
    private final PipelineCatalog catalog;
    private final RunCancelling cancelling;
    private final NextFirings firings;
    private final Clock clock;
    private final Supplier<String> breakerState;
    private final LongSupplier outcomesWaiting;

    /** {@code breakerState}: the Airbyte circuit breaker's state, which the page shows on waiting pipelines. */
    OperatorApiRoutes(
            RunStore store,
            PipelineCatalog catalog,
            RunCancelling cancelling,
            NextFirings firings,
            Clock clock,
            Supplier<String> breakerState,
            LongSupplier outcomesWaiting,
            ObjectMapper json) {
        super(json);
        this.breakerState = breakerState;
        this.outcomesWaiting = outcomesWaiting;
        this.store = store;
        this.catalog = catalog;
        this.cancelling = cancelling;
        this.firings = firings;
        this.clock = clock;
    }

    @Override
    protected void routes() {
        ProducerTemplate outcomes = getContext().createProducerTemplate();

        from("platform-http:/api/runs?httpMethodRestrict=GET")
                .routeId("api-run-history")
                .process(this::history);
        from("platform-http:/api/runs/{runId}/cancel?httpMethodRestrict=POST")
                .routeId("api-cancel-run")
                .process(e -> e.setProperty(
                        CANCELLED,
                        cancelling.cancel(
                                e.getMessage().getHeader("runId", String.class),
                                e.getProperty(ApiAuthentication.CALLER, "an unknown caller", String.class))))
                // a run cancelled before its job started is in no route of this instance (a held run in none at
                // all), so its outcome goes out from here: events, group progress, the run held behind it
                .filter(e -> cancelled(e).endedHere())
                // sent one way: this exchange is the HTTP request's, and the outcome's queue must not await a reply
                .process(e ->
                        outcomes.sendBody("direct:run-outcome", cancelled(e).run()))
                .end()
                .process(e -> reply(e, 200, cancelled(e).run()));
        from("platform-http:/api/overview?httpMethodRestrict=GET")
                .routeId("api-overview")
                .process(e -> reply(e, 200, overview()));
    }

    private static RunCancelling.Cancelled cancelled(Exchange exchange) {
        return exchange.getProperty(CANCELLED, RunCancelling.Cancelled.class);
    }

    private void history(Exchange exchange) throws Exception {
        RunQuery query = HistoryParameters.parse(exchange.getMessage());
        List<Run> runs = store.history(query);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("runs", runs.size() > query.limit() ? runs.subList(0, query.limit()) : runs);
        if (runs.size() > query.limit()) {
            page.put("nextCursor", HistoryParameters.cursorAfter(runs.get(query.limit() - 1)));
        }
        reply(exchange, 200, page);
    }

    private Map<String, Object> overview() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("now", clock.instant());
        m.put("airbyte", Map.of("breaker", breakerState.get()));
        // outcome events recorded but not yet taken by the broker (the outbox): the page says so while above 0
        m.put("outcomesWaiting", outcomesWaiting.getAsLong());
        List<Map<String, Object>> pipelines = new ArrayList<>();
        for (Pipeline p : catalog.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.name());
            row.put("connectionName", p.connectionName());
            if (p.schedule() != null) {
                row.put(
                        "schedule",
                        Map.of(
                                "cron",
                                p.schedule().cron(),
                                "timeZone",
                                p.schedule().timeZone()));
                row.put("nextFireTime", firings.next(NextFirings.PIPELINES, p.name()));
            }
            row.put("recentRuns", store.recentRuns(p.name(), STRIP));
            pipelines.add(row);
        }
        m.put("pipelines", pipelines);
        Map<String, Object> groupFirings = new LinkedHashMap<>();
        catalog.groups().stream()
                .filter(g -> g.schedule() != null)
                .forEach(g -> groupFirings.put(g.name(), firings.next(NextFirings.GROUPS, g.name())));
        m.put("groupNextFireTimes", groupFirings);
        m.put(
                "active",
                Stream.of(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.POST_SYNC)
                        .flatMap(s -> latest(s, 100).stream())
                        .sorted(newestFirst())
                        .toList());
        m.put(
                "failures",
                Stream.of(RunStatus.FAILED, RunStatus.TIMED_OUT)
                        .flatMap(s -> latest(s, FAILURES).stream())
                        .sorted(newestFirst())
                        .limit(FAILURES)
                        .toList());
        return m;
    }

    private List<Run> latest(RunStatus status, int limit) {
        List<Run> runs = store.history(new RunQuery(null, status, null, null, null, null, null, limit));
        return runs.size() > limit ? runs.subList(0, limit) : runs;
    }

    private static Comparator<Run> newestFirst() {
        return Comparator.comparing(Run::getStartedAt).reversed();
    }
}
