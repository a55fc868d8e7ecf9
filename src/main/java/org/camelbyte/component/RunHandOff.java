package org.camelbyte.component;

import java.util.Optional;
import org.camelbyte.run.Run;

/** The app's durable runs as airbyte:run sees them; bound by the app, absent in a plain Camel application. */
public interface RunHandOff {

    /** Records a run of the pipeline (once per request id) and hands it to the run queue; the stored run. */
    Run accept(String pipeline, String requestId);

    /** The run as stored now. */
    Optional<Run> find(String runId);
}
