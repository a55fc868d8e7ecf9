package org.camelbyte.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.camelbyte.airbyte.ConnectionLookup;
import org.camelbyte.intake.NotFoundException;
import org.camelbyte.intake.RequestFields;
import org.camelbyte.intake.RunRequest;
import org.camelbyte.intake.RunRequests;
import org.camelbyte.pipeline.Pipeline;
import org.camelbyte.pipeline.PipelineCatalog;
import org.camelbyte.run.RunStore;

/** The HTTP API people and scripts use: start a run, read a run, list pipelines and Airbyte connections. */
public class ApiRoutes extends ApiRouteBuilder {
    private final RunRequests requests;
    private final RunStore store;
    private final PipelineCatalog catalog;
    private final ConnectionLookup lookup;

    public ApiRoutes(
            RunRequests requests, RunStore store, PipelineCatalog catalog, ConnectionLookup lookup, ObjectMapper json) {
        super(json);
        this.requests = requests;
        this.store = store;
        this.catalog = catalog;
        this.lookup = lookup;
    }

    @Override
    protected void routes() {
        from("platform-http:/api/pipelines/{name}/runs?httpMethodRestrict=POST")
                .routeId("api-start-run")
                .process(this::startRun);
        from("platform-http:/api/runs/{runId}?httpMethodRestrict=GET")
                .routeId("api-get-run")
                .process(this::getRun);
        from("platform-http:/api/pipelines?httpMethodRestrict=GET")
                .routeId("api-list-pipelines")
                .process(this::listPipelines);
        from("platform-http:/api/connections?httpMethodRestrict=GET")
                .routeId("api-list-connections")
                .process(this::listConnections);
    }

    private void startRun(Exchange exchange) throws Exception {
        Map<String, String> fields = RequestFields.read(
                RequestFields.sentText(exchange.getMessage()), json, List.of("requestId", "jobType"));
        String requestId = fields.get("requestId");
        String jobType = fields.get("jobType");
        RunRequests.Accepted accepted = requests.accept(RunRequest.forPipeline(
                exchange.getMessage().getHeader("name", String.class), requestId, jobType, "http"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runId", accepted.run().getRunId());
        answer.put("requestId", accepted.run().getRequestId());
        answer.put("status", accepted.run().getStatus());
        answer.put("duplicate", !accepted.created());
        reply(exchange, accepted.created() ? 202 : 200, answer);
    }

    private void getRun(Exchange exchange) throws Exception {
        String runId = exchange.getMessage().getHeader("runId", String.class);
        var run = store.find(runId)
                .orElseThrow(() -> new NotFoundException(
                        "No run has id '" + runId + "'; use the runId that POST /api/pipelines/{name}/runs returned."));
        reply(exchange, 200, run);
    }

    private void listPipelines(Exchange exchange) throws Exception {
        List<Map<String, Object>> list =
                catalog.all().stream().map(ApiRoutes::describe).toList();
        reply(exchange, 200, list);
    }

    private void listConnections(Exchange exchange) throws Exception {
        String match = exchange.getMessage().getHeader("match", "", String.class);
        reply(exchange, 200, lookup.search(match));
    }

    private static Map<String, Object> describe(Pipeline p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("connectionName", p.connectionName());
        m.put("jobType", p.jobType().wireName());
        m.put("pollInterval", p.pollInterval().toString());
        m.put("timeout", p.timeout().toString());
        m.put("cancelOnTimeout", p.cancelOnTimeout());
        if (p.schedule() != null) {
            m.put("schedule", p.schedule());
        }
        m.put("dependsOn", p.dependsOn());
        return m;
    }
}
