package org.camelbyte.run;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Cancels asked through the API, by run id, with the sentence the run ends with. The run's own poll loop
 * takes its entry on its next pass and ends the run through the same path as the watchdog, so it neither
 * polls on nor overwrites the outcome. Kept in memory: the run record already says cancelled, so a restart
 * resumes nothing, and an entry for a run this instance does not follow is only a few bytes.
 */
public class RunCancels {
    private final ConcurrentMap<String, String> requested = new ConcurrentHashMap<>();

    public void request(String runId, String error) {
        requested.put(runId, error);
    }

    /** The cancel asked for this run, removing it: each is acted on once. */
    public Optional<String> take(String runId) {
        return Optional.ofNullable(requested.remove(runId));
    }

    public void withdraw(String runId) {
        requested.remove(runId);
    }
}
