package org.camelbyte.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camelbyte.app.TestApp;

/** The runs the campaign started, and what the app says about them now. */
final class RunLedger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "timed_out", "skipped");
    private final List<AcceptedRun> accepted = new CopyOnWriteArrayList<>();

    /** Starts a run over HTTP; a requestId makes a repeated request safe, so an unclear answer is simply sent again. */
    AcceptedRun start(TestApp app, String pipeline, String connectionName, String requestId) throws Exception {
        HttpResponse<String> answer =
                app.post("/api/pipelines/" + pipeline + "/runs", "{\"requestId\":\"" + requestId + "\"}");
        if (answer.statusCode() != 202 && answer.statusCode() != 200) {
            throw new AssertionError(
                    "starting " + pipeline + " answered " + answer.statusCode() + ": " + answer.body());
        }
        AcceptedRun run =
                new AcceptedRun(JSON.readTree(answer.body()).get("runId").asText(), requestId, connectionName);
        accepted.add(run);
        return run;
    }

    List<AcceptedRun> accepted() {
        return List.copyOf(accepted);
    }

    /** Each run's status as the app reports it; "lost" when the app does not know the runId. */
    Map<AcceptedRun, String> statuses(TestApp app, List<AcceptedRun> runs) {
        return runs.stream().collect(Collectors.toMap(Function.identity(), run -> status(app, run)));
    }

    boolean allFinal(TestApp app, List<AcceptedRun> runs) {
        return runs.stream().allMatch(run -> FINAL.contains(status(app, run)));
    }

    long countRunning(TestApp app, List<AcceptedRun> runs) {
        return runs.stream().filter(run -> "running".equals(status(app, run))).count();
    }

    static boolean isFinal(String status) {
        return FINAL.contains(status);
    }

    private static String status(TestApp app, AcceptedRun run) {
        try {
            HttpResponse<String> answer = app.get("/api/runs/" + run.runId());
            if (answer.statusCode() == 404) {
                return "lost";
            }
            JsonNode node = JSON.readTree(answer.body());
            return node.path("status").asText("unreadable");
        } catch (Exception e) {
            throw new IllegalStateException("reading run " + run.runId(), e);
        }
    }
}
