package org.camelbyte.bench;

import org.camelbyte.standin.AirbyteStandIn;

/** Status calls the stand-in answered (GET of one job), counted by the stand-in itself. */
final class StatusCalls {
    private StatusCalls() {}

    static long of(AirbyteStandIn standIn) {
        return standIn.callCounts().getOrDefault("GET /api/public/v1/jobs/{id}", 0L);
    }
}
