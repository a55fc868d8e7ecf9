package org.camelbyte.run;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum RunStatus {
    QUEUED,
    RUNNING,
    POST_SYNC,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    TIMED_OUT,
    SKIPPED;

    public boolean isFinal() {
        return ordinal() >= SUCCEEDED.ordinal();
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
