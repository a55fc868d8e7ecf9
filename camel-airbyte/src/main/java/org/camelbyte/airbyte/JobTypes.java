package org.camelbyte.airbyte;

import java.util.Locale;

/** Job type names on the wire: the public API says {@code reset}, the Config API {@code reset_connection}. */
final class JobTypes {
    private JobTypes() {}

    /** A {@code refresh} (and any type a newer server invents) is read as a sync: it moves data like one. */
    static JobType fromWire(String value) {
        if (value == null) {
            return JobType.SYNC;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "reset", "reset_connection" -> JobType.RESET;
            case "clear" -> JobType.CLEAR;
            default -> JobType.SYNC;
        };
    }

    static String configApiName(JobType type) {
        return type == JobType.RESET ? "reset_connection" : type.wireName();
    }
}
