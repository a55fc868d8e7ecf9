package org.camelbyte.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camelbyte.standin.AirbyteStandIn;

/** Airbyte calls by operation, counted by the stand-in itself (uncapped). */
final class StatusCalls {
    static final String CREATE = "create";
    static final String SINGLE = "single status";
    static final String BATCHED = "batched status";
    static final String LIST = "list";
    static final String TOKEN = "token";

    private StatusCalls() {}

    /** The calls made since {@code before} (an earlier {@link #byOperation} of the same stand-in). */
    static Map<String, Long> since(Map<String, Long> before, AirbyteStandIn standIn) {
        Map<String, Long> now = byOperation(standIn);
        now.replaceAll((op, n) -> n - before.getOrDefault(op, 0L));
        return now;
    }

    static Map<String, Long> byOperation(AirbyteStandIn standIn) {
        Map<String, Long> counts = standIn.callCounts();
        Map<String, Long> ops = new LinkedHashMap<>();
        ops.put(CREATE, counts.getOrDefault("POST /api/public/v1/jobs", 0L));
        ops.put(SINGLE, counts.getOrDefault("GET /api/public/v1/jobs/{id}", 0L));
        ops.put(BATCHED, counts.getOrDefault("GET /api/public/v1/jobs", 0L));
        ops.put(
                LIST,
                counts.getOrDefault("GET /api/public/v1/connections", 0L)
                        + counts.getOrDefault("GET /api/public/v1/workspaces", 0L));
        ops.put(TOKEN, counts.getOrDefault("POST /api/public/v1/applications/token", 0L));
        return ops;
    }
}
