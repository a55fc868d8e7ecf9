package org.camelbyte.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelbyte.group.GroupRunView;
import org.camelbyte.run.Run;

/**
 * The JSON of the events on {@code outcomes.uri}: a run's JSON or a group run's summary, each with a
 * leading {@code "kind"} ({@code run} or {@code group-run}) so one consumer can read both, and an {@code
 * "eventId"}.
 */
public class OutcomeEvents {
    private final ObjectMapper json;

    public OutcomeEvents(ObjectMapper json) {
        this.json = json;
    }

    public String run(Run run) throws JsonProcessingException {
        return event("run", "run:" + run.getRunId(), run);
    }

    public String groupRun(GroupRunView groupRun) throws JsonProcessingException {
        return event("group-run", "group-run:" + groupRun.groupRunId(), groupRun);
    }

    /**
     * {@code eventId} is stable (the same run always gives the same id), so a consumer can drop the repeat an
     * at-least-once delivery may bring.
     */
    private String event(String kind, String eventId, Object body) throws JsonProcessingException {
        ObjectNode event = json.createObjectNode().put("kind", kind).put("eventId", eventId);
        event.setAll((ObjectNode) json.valueToTree(body));
        return json.writeValueAsString(event);
    }
}
