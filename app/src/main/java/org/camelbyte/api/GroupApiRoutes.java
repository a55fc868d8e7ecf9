package org.camelbyte.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.camelbyte.group.GroupRunView;
import org.camelbyte.group.GroupRuns;
import org.camelbyte.intake.RequestFields;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.pipeline.PipelineGroup;

/** The HTTP API for groups: list them with their graph, start a group run, read one, retry its failures. */
public class GroupApiRoutes extends ApiRouteBuilder {
    private final GroupRuns groupRuns;
    private final PipelineCatalog catalog;

    public GroupApiRoutes(GroupRuns groupRuns, PipelineCatalog catalog, ObjectMapper json) {
        super(json);
        this.groupRuns = groupRuns;
        this.catalog = catalog;
    }

    @Override
    protected void routes() {
        from("platform-http:/api/groups?httpMethodRestrict=GET")
                .routeId("api-list-groups")
                .process(this::listGroups);
        from("platform-http:/api/groups/{name}/runs?httpMethodRestrict=POST")
                .routeId("api-start-group-run")
                .process(this::startGroupRun);
        from("platform-http:/api/group-runs/{groupRunId}?httpMethodRestrict=GET")
                .routeId("api-get-group-run")
                .process(e -> reply(e, 200, groupRuns.view(e.getMessage().getHeader("groupRunId", String.class))));
        from("platform-http:/api/group-runs/{groupRunId}/retry?httpMethodRestrict=POST")
                .routeId("api-retry-group-run")
                .process(e -> started(e, groupRuns.retry(e.getMessage().getHeader("groupRunId", String.class))));
    }

    private void startGroupRun(Exchange exchange) throws Exception {
        String requestId = RequestFields.read(RequestFields.sentText(exchange.getMessage()), json, List.of("requestId"))
                .get("requestId");
        started(exchange, groupRuns.start(exchange.getMessage().getHeader("name", String.class), requestId, "http"));
    }

    private void started(Exchange exchange, GroupRuns.Started started) throws Exception {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("groupRunId", started.groupRun().groupRunId());
        answer.put("requestId", started.groupRun().requestId());
        answer.put("group", started.groupRun().group());
        answer.put("status", started.groupRun().status());
        if (started.groupRun().retryOf() != null) {
            answer.put("retryOf", started.groupRun().retryOf());
        }
        answer.put("duplicate", !started.created());
        reply(exchange, started.created() ? 202 : 200, answer);
    }

    private void listGroups(Exchange exchange) throws Exception {
        List<Map<String, Object>> groups =
                catalog.groups().stream().map(this::describe).toList();
        reply(exchange, 200, groups);
    }

    private Map<String, Object> describe(PipelineGroup group) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", group.name());
        m.put("concurrency", group.concurrency());
        if (group.schedule() != null) {
            m.put(
                    "schedule",
                    Map.of(
                            "cron",
                            group.schedule().cron(),
                            "timeZone",
                            group.schedule().timeZone()));
        }
        m.put("order", group.order());
        Map<String, List<String>> graph = new LinkedHashMap<>();
        group.order().forEach(p -> graph.put(p, group.upstreamOf(p)));
        m.put("dependsOn", graph);
        GroupRunView latest = groupRuns.latestView(group);
        if (latest != null) {
            m.put("latestRun", latest);
        }
        return m;
    }
}
