package org.camelbyte.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.text.ParseException;
import java.time.ZoneId;
import org.quartz.CronExpression;

/**
 * A pipeline's {@code schedule}: a cron text, or a map with cron, timeZone, whenBusy and misfire. A group's
 * schedule has fewer keys ({@link GroupScheduleEntry}) and is checked by {@link #checked}, the one place a
 * cron and a time zone are judged.
 */
@WriteAs("a cron text or a map with cron, timeZone, whenBusy, misfire")
record ScheduleEntry(String cron, String timeZone, WhenBusy whenBusy, Misfire misfire) {

    /** A firing while the pipeline's previous run still goes. */
    enum WhenBusy {
        SKIP,
        QUEUE
    }

    /** A firing missed while every instance was down. */
    enum Misfire {
        RUN_ONCE,
        SKIP
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    ScheduleEntry {}

    /** {@code schedule: "0 0 2 * * ?"}: the cron alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ScheduleEntry ofCron(String cron) {
        return new ScheduleEntry(cron, null, null, null);
    }

    Schedule toSchedule(Where where) {
        return checked(
                cron, timeZone, whenBusy == WhenBusy.QUEUE, misfire == null || misfire == Misfire.RUN_ONCE, where);
    }

    static Schedule checked(String cron, String timeZone, boolean queueWhenBusy, boolean runMissedOnce, Where where) {
        String fields = "write six or seven fields like '0 0 2 * * ?'.";
        if (cron == null) {
            throw where.problem("schedule.cron", "is missing; " + fields);
        }
        try {
            new CronExpression(cron);
        } catch (ParseException e) {
            throw where.problem(
                    "schedule.cron", "'" + cron + "' is not a Quartz cron (" + e.getMessage() + "); " + fields);
        }
        String zone = timeZone == null ? "UTC" : timeZone;
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw where.problem(
                    "schedule.timeZone", "'" + zone + "' is not a time zone; use a name like Europe/Paris or UTC.");
        }
        return new Schedule(cron, zone, queueWhenBusy, runMissedOnce);
    }
}
