package org.camelbyte.pipeline;

import java.text.ParseException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads a {@code schedule}, of a pipeline or of a group: a cron text, or a map with cron and timeZone, and for
 * a pipeline also whenBusy and misfire. One reader for both, so a cron or a zone is checked the same way.
 */
final class ScheduleSection {
    /** Whose schedule it is: the keys it may have, as the error sentences list them. */
    enum Owner {
        PIPELINE(
                List.of("cron", "timeZone", "whenBusy", "misfire"),
                "cron, timeZone, whenBusy, misfire",
                "cron, timeZone, whenBusy or misfire"),
        // a group run never overlaps itself: a firing while one is going is skipped, so no whenBusy, no misfire
        GROUP(List.of("cron", "timeZone"), "cron and timeZone", "cron or timeZone");

        private final Set<String> keys;
        private final String shape;
        private final String choice;

        Owner(List<String> keys, String shape, String choice) {
            this.keys = Set.copyOf(keys);
            this.shape = shape;
            this.choice = choice;
        }
    }

    private ScheduleSection() {}

    /**
     * The schedule {@code raw} says, or null when there is none. {@code where}: from a key ("schedule.cron")
     * the start of an error sentence naming the file, the pipeline or group, and the key.
     */
    @SuppressWarnings("unchecked")
    static Schedule parse(Object raw, Owner owner, UnaryOperator<String> where) {
        if (raw == null) {
            return null;
        }
        Map<String, Object> map;
        if (raw instanceof String cron) {
            map = Map.of("cron", cron);
        } else if (raw instanceof Map<?, ?> m) {
            map = (Map<String, Object>) m;
        } else {
            throw new PipelineConfigException(
                    where.apply("schedule") + " must be a cron text or a map with " + owner.shape + ".");
        }
        for (String key : map.keySet()) {
            if (!owner.keys.contains(key)) {
                throw new PipelineConfigException(
                        where.apply("schedule." + key) + " is not a known key; use " + owner.choice + ".");
            }
        }
        String cron = String.valueOf(map.get("cron"));
        try {
            new org.quartz.CronExpression(cron);
        } catch (ParseException e) {
            throw new PipelineConfigException(where.apply("schedule.cron") + " '" + cron + "' is not a Quartz cron ("
                    + e.getMessage() + "); write six or seven fields like '0 0 2 * * ?'.");
        }
        String zone = String.valueOf(map.getOrDefault("timeZone", "UTC"));
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new PipelineConfigException(where.apply("schedule.timeZone") + " '" + zone
                    + "' is not a time zone; use a name like Europe/Paris or UTC.");
        }
        if (owner == Owner.GROUP) {
            return new Schedule(cron, zone, false, false);
        }
        String whenBusy = String.valueOf(map.getOrDefault("whenBusy", "skip"));
        String misfire = String.valueOf(map.getOrDefault("misfire", "run_once"));
        if (!Set.of("skip", "queue").contains(whenBusy)) {
            throw new PipelineConfigException(
                    where.apply("schedule.whenBusy") + " is '" + whenBusy + "'; use skip or queue.");
        }
        if (!Set.of("skip", "run_once").contains(misfire)) {
            throw new PipelineConfigException(
                    where.apply("schedule.misfire") + " is '" + misfire + "'; use run_once or skip.");
        }
        return new Schedule(cron, zone, whenBusy.equals("queue"), misfire.equals("run_once"));
    }
}
