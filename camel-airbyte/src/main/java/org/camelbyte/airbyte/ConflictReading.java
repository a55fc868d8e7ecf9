package org.camelbyte.airbyte;

import java.util.Locale;

/** Tells Airbyte's "a sync is already running" apart from "this connection is not active". */
final class ConflictReading {
    private ConflictReading() {}

    static boolean alreadyRunning(ApiAnswer answer) {
        String detail = answer.errorDetail().toLowerCase(Locale.ROOT);
        return String.valueOf(answer.problemType()).endsWith("try-again-later") || detail.contains("already running");
    }

    static boolean inactiveConnection(ApiAnswer answer) {
        String detail = answer.errorDetail().toLowerCase(Locale.ROOT);
        return String.valueOf(answer.problemType()).endsWith("state-conflict")
                || detail.contains("active connection")
                || detail.contains("inactive")
                || detail.contains("not active");
    }

    static AirbyteRejectedException inactive(
            HttpFailures failures, ApiRequest request, ApiAnswer answer, String connectionId) {
        return failures.rejected(
                request,
                answer.status(),
                ": " + failures.detail(answer),
                "connection " + connectionId + " is not active; enable it in Airbyte (connection settings) "
                        + "or remove it from the pipeline");
    }
}
