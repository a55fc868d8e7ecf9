package org.camelbyte.reliability;

import java.util.Map;
import java.util.TreeMap;

/** The campaign's figures, one plain line each, as the product issue asks for them. */
record CampaignFigures(
        int accepted,
        int withOutcome,
        int duplicateJobs,
        int lost,
        long apiCalls,
        int circuitOpens,
        int faultsInjected,
        int slowJobAnswers,
        Map<String, Long> byStatus) {

    String lines() {
        return "runs accepted: " + accepted + "\n"
                + "runs with an outcome: " + withOutcome + "\n"
                + "duplicate Airbyte jobs created: " + duplicateJobs + "\n"
                + "runs lost: " + lost + "\n"
                + "API calls made: " + apiCalls + "\n"
                + "circuit opens: " + circuitOpens + "\n"
                + "faults injected: " + faultsInjected + "\n"
                + "job POSTs answered past the client timeout (job created at once): " + slowJobAnswers + "\n"
                + "runs by status: " + new TreeMap<>(byStatus) + "\n";
    }
}
