package org.camelbyte.pipeline;

import java.time.Duration;
import java.util.List;
import org.camelbyte.airbyte.JobType;
import org.camelbyte.poststep.PostSyncSpec;

/**
 * One pipeline of config/pipelines.yaml: which Airbyte connection to sync, how to follow the job, and
 * what to do after it.
 */
public record Pipeline(
        String name,
        String connectionName,
        JobType jobType,
        Duration pollInterval,
        Duration timeout,
        /** watchdog.onTimeout (or the older cancelOnTimeout key): cancel the job at the deadline, or leave it. */
        boolean cancelOnTimeout,
        Schedule schedule,
        List<String> dependsOn,
        PostSyncSpec postSync,
        Watchdog watchdog) {}
