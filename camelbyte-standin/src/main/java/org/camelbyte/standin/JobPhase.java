package org.camelbyte.standin;

import java.util.Locale;
import java.util.Set;

/**
 * One step of a connection's job script. {@code seconds} is scenario time (scaled by the scenario's
 * timeScale); counts grow only in {@code running} phases. {@code failure} is the message an
 * {@code incomplete} or {@code failed} phase reports.
 */
public record JobPhase(String status, Double seconds, Long rowsPerSecond, Long bytesPerRow, String failure) {

    private static final Set<String> KNOWN =
            Set.of("pending", "running", "incomplete", "succeeded", "failed", "cancelled");
    static final long DEFAULT_ROWS_PER_SECOND = 100;
    static final long DEFAULT_BYTES_PER_ROW = 200;

    public JobPhase {
        status = status == null ? null : status.trim().toLowerCase(Locale.ROOT);
        if (status == null || !KNOWN.contains(status)) {
            throw new IllegalArgumentException("job phase status '" + status + "' is not one of " + KNOWN);
        }
    }

    public static JobPhase of(String status, double seconds) {
        return new JobPhase(status, seconds, null, null, null);
    }

    public boolean isTerminal() {
        return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
    }

    double durationSeconds() {
        if (seconds != null) {
            return Math.max(0, seconds);
        }
        // An incomplete phase lasts a moment by default so a poller can see it.
        return switch (status) {
            case "pending", "incomplete" -> 1;
            case "running" -> 3;
            default -> 0;
        };
    }

    long rowsPerSecondOrDefault() {
        return rowsPerSecond == null ? DEFAULT_ROWS_PER_SECOND : rowsPerSecond;
    }

    long bytesPerRowOrDefault() {
        return bytesPerRow == null ? DEFAULT_BYTES_PER_ROW : bytesPerRow;
    }
}
