package org.camelbyte.pipeline;

import java.time.Duration;
import org.camelbyte.airbyte.JobType;

/**
 * The {@code defaults:} section: what every pipeline has unless it sets the key itself (the watchdog key by
 * key), and all the ad-hoc pipeline has, which runs queue requests naming only a connection.
 */
@WriteAs("a map of pipeline keys every pipeline has unless it sets its own, such as {pollInterval: 10s, timeout: 6h}")
record DefaultsEntry(
        JobType jobType, Duration pollInterval, Duration timeout, Boolean cancelOnTimeout, WatchdogEntry watchdog) {

    static final DefaultsEntry NONE = new DefaultsEntry(null, null, null, null, null);

    /** The pipeline that runs requests naming a connection no pipeline covers. */
    PipelineEntry adhocPipeline() {
        return new PipelineEntry(
                PipelineCatalog.ADHOC,
                "(named by each request)",
                null,
                jobType,
                pollInterval,
                timeout,
                cancelOnTimeout,
                null,
                null,
                null,
                watchdog);
    }
}
