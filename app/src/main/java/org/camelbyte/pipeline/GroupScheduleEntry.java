package org.camelbyte.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A group's {@code schedule}: a cron text, or a map with cron and timeZone. A group run never overlaps
 * itself (a firing while one goes is skipped), so it has no whenBusy and no misfire.
 */
@WriteAs("a cron text or a map with cron and timeZone")
record GroupScheduleEntry(String cron, String timeZone) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    GroupScheduleEntry {}

    /** {@code schedule: "0 0 2 * * ?"}: the cron alone. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static GroupScheduleEntry ofCron(String cron) {
        return new GroupScheduleEntry(cron, null);
    }

    Schedule toSchedule(Where where) {
        return ScheduleEntry.checked(cron, timeZone, false, false, where);
    }
}
