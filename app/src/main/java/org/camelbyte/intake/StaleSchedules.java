package org.camelbyte.intake;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes, once the app has started, the schedules of pipelines and groups that config/pipelines.yaml no
 * longer has. The clustered job store keeps a trigger when its route stops (another instance may still
 * serve it), so without this a removed schedule would go on firing into no route. Only the trigger groups
 * of our schedule routes are looked at; teams' own quartz routes are left alone.
 */
public final class StaleSchedules implements StartupListener {
    /** The trigger group of the pipelines' schedules ({@link PipelineRoutes}). */
    public static final String PIPELINES = "camelbyte";
    /** The trigger group of the groups' schedules. */
    public static final String GROUPS_OF_PIPELINES = "camelbyte-groups";

    private static final List<String> GROUPS = List.of(PIPELINES, GROUPS_OF_PIPELINES);

    private static final Logger LOG = LoggerFactory.getLogger(StaleSchedules.class);

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the routes have not started yet: nothing to compare with
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws SchedulerException {
        Set<TriggerKey> inUse = context.getRoutes().stream()
                .map(route -> route.getEndpoint())
                .filter(QuartzEndpoint.class::isInstance)
                .map(e -> ((QuartzEndpoint) e).getTriggerKey())
                .collect(Collectors.toSet());
        Scheduler scheduler =
                context.getComponent("quartz", QuartzComponent.class).getScheduler();
        for (String group : GROUPS) {
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(group))) {
                if (!inUse.contains(key)) {
                    LOG.info("Schedule {} is no longer in the pipelines file; removing it from the job store", key);
                    scheduler.unscheduleJob(key);
                }
            }
        }
    }
}
