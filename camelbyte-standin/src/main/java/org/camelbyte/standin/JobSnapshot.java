package org.camelbyte.standin;

import java.util.List;

/**
 * A job's state at one moment, computed from its script. Offsets are scenario seconds since creation;
 * {@code startOffset} is null until the first attempt runs, {@code endOffset} null until terminal.
 */
public record JobSnapshot(
        String status,
        List<AttemptSnapshot> attempts,
        Double startOffset,
        Double endOffset,
        double lastChangeOffset,
        long rows,
        long bytes,
        List<StreamRows> streams,
        String failure) {

    public boolean isTerminal() {
        return endOffset != null;
    }
}
