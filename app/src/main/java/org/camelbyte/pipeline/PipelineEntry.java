package org.camelbyte.pipeline;

import static org.camelbyte.pipeline.WatchdogEntry.first;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camelbyte.airbyte.JobType;
import org.camelbyte.poststep.PostSyncConfigException;
import org.camelbyte.poststep.PostSyncSpec;

/**
 * One entry of the {@code pipelines:} list. Keys it leaves out come from {@code defaults:}, else from the
 * values below; {@code postSync} stays a map for {@link PostSyncSpec}, which reads and checks it.
 */
@WriteAs(PipelineEntry.SHAPE)
record PipelineEntry(
        String name,
        String connection,
        String logicalConnection,
        JobType jobType,
        Duration pollInterval,
        Duration timeout,
        Boolean cancelOnTimeout,
        ScheduleEntry schedule,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        @WriteAs("a pipeline name or a list of them")
        List<String> dependsOn,

        @WriteAs("a map with dataSource, analyze and checks")
        Map<String, Object> postSync,

        WatchdogEntry watchdog)
        implements PipelinesFile.Named {

    static final String SHAPE = "a map with at least name and connection";
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofHours(6);

    /** This entry with what it leaves out taken from {@code defaults:}. */
    PipelineEntry withDefaults(DefaultsEntry defaults) {
        return new PipelineEntry(
                name,
                connection,
                logicalConnection,
                first(jobType, defaults.jobType()),
                first(pollInterval, defaults.pollInterval()),
                first(timeout, defaults.timeout()),
                first(cancelOnTimeout, defaults.cancelOnTimeout()),
                schedule,
                dependsOn,
                postSync,
                first(defaults.watchdog(), WatchdogEntry.NONE).overriddenBy(watchdog));
    }

    Pipeline toPipeline(Where where, ConnectionNaming naming) {
        Duration poll = first(pollInterval, POLL_INTERVAL);
        Duration deadline = first(timeout, TIMEOUT);
        if (poll.isZero() || poll.isNegative() || deadline.compareTo(poll) < 0) {
            throw where.mustBe("pollInterval", "positive and shorter than timeout");
        }
        WatchdogEntry watchdogs = first(watchdog, WatchdogEntry.NONE);
        boolean cancel = watchdogs.onTimeout() != null
                ? watchdogs.onTimeout() == WatchdogEntry.OnTimeout.CANCEL
                : first(cancelOnTimeout, true);
        return new Pipeline(
                name,
                connectionName(where, naming),
                first(jobType, JobType.SYNC),
                poll,
                deadline,
                cancel,
                schedule == null ? null : schedule.toSchedule(where),
                dependsOn == null ? List.of() : List.copyOf(dependsOn),
                postSync(where),
                watchdogs.toWatchdog(where));
    }

    /** The Airbyte connection's name: given in full, or completed from a logical name by the environment. */
    private String connectionName(Where where, ConnectionNaming naming) {
        if (connection != null && logicalConnection != null) {
            throw where.problem(
                    "logicalConnection",
                    "is given together with 'connection'; keep connection for a full Airbyte name or"
                            + " logicalConnection for a name the environment completes.");
        }
        if (logicalConnection != null) {
            return naming.resolve(logicalConnection)
                    .orElseThrow(() -> where.problem(
                            "logicalConnection",
                            "is '" + logicalConnection + "', which needs an environment to become an Airbyte"
                                    + " connection name; set pipelines.environment or camel.main.profile."));
        }
        if (connection == null) {
            throw where.problem(
                    "connection",
                    "is missing; give the Airbyte connection's name (GET /api/connections lists them), or a"
                            + " logicalConnection.");
        }
        return connection;
    }

    private PostSyncSpec postSync(Where where) {
        if (postSync == null) {
            return null;
        }
        try {
            return PostSyncSpec.parse(name, postSync);
        } catch (PostSyncConfigException e) {
            throw new PipelineConfigException(where.file() + ": " + e.getMessage());
        }
    }
}
