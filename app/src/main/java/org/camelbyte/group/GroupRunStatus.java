package org.camelbyte.group;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A group run is running until every pipeline in it has an outcome; it succeeded only if all of them did. */
public enum GroupRunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupRunStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
