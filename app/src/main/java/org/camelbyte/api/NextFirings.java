package org.camelbyte.api;

import java.time.Instant;
import java.util.Date;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/**
 * When a schedule fires next, read from Quartz itself (so the page shows what will happen, time zones and
 * misfires included). The trigger keys are the group and name of the schedule routes' quartz URIs.
 */
final class NextFirings {
    static final String PIPELINES = "camelbyte";
    static final String GROUPS = "camelbyte-groups";
    private final CamelContext context;

    NextFirings(CamelContext context) {
        this.context = context;
    }

    /** The next firing of {@code quartz:<group>/<name>}, or null when it has no schedule or will not fire again. */
    Instant next(String group, String name) {
        if (context.hasComponent("quartz") == null) {
            return null;
        }
        try {
            Scheduler scheduler =
                    context.getComponent("quartz", QuartzComponent.class).getScheduler();
            Trigger trigger = scheduler == null ? null : scheduler.getTrigger(TriggerKey.triggerKey(name, group));
            Date next = trigger == null ? null : trigger.getNextFireTime();
            return next == null ? null : next.toInstant();
        } catch (SchedulerException e) {
            return null;
        }
    }
}
