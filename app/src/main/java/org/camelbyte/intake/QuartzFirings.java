package org.camelbyte.intake;

import java.util.Date;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.quartz.QuartzMessage;
import org.camelbyte.pipeline.Schedule;
import org.quartz.CronTrigger;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;

/**
 * What Quartz's clustered job store decides about a firing, in our terms: the misfire instruction for a
 * schedule's {@code misfire: run_once | skip}, and the time a recovered firing was scheduled for.
 */
public final class QuartzFirings implements Processor {

    /**
     * A firing missed for longer than the misfire threshold (the app was down, or every replica was):
     * {@code run_once} fires once now, {@code skip} waits for the next time the cron names.
     */
    public static int misfireInstruction(Schedule schedule) {
        return schedule.runMissedOnce()
                ? CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW
                : CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING;
    }

    /**
     * The Quartz endpoint of one schedule, in the clustered job store: with several instances each firing runs on
     * one of them ({@code stateful}: never two at once), a firing whose instance died runs again on another
     * ({@code recoverableJob}), and a missed firing follows the schedule's {@code misfire}.
     */
    public static String uri(String group, String name, Schedule schedule) {
        return "quartz:" + group + "/" + name + "?cron="
                + schedule.cron().trim().replace(' ', '+')
                + "&trigger.timeZone=" + schedule.timeZone()
                + "&trigger.misfireInstruction=" + misfireInstruction(schedule)
                + "&stateful=true&recoverableJob=true";
    }

    /**
     * Quartz re-runs a firing whose replica died mid-firing on another replica, under a recovery trigger
     * with a time of its own. Putting back the original time keeps the request id
     * ({@code schedule:<name>:<time>}) the dead replica may already have recorded, so no second run starts.
     */
    @Override
    public void process(Exchange exchange) {
        if (exchange.getIn() instanceof QuartzMessage message
                && message.getJobExecutionContext().isRecovering()) {
            JobExecutionContext firing = message.getJobExecutionContext();
            String original = firing.getMergedJobDataMap()
                    .getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS);
            if (original != null) {
                exchange.getIn().setHeader("scheduledFireTime", new Date(Long.parseLong(original)));
            }
        }
    }
}
