package org.camelbyte.standin;

import java.util.ArrayList;
import java.util.List;

/**
 * Plays a job script: the state at any scenario time follows from the phases alone, so no thread has to
 * drive jobs forward and thousands of polls cost only arithmetic.
 */
final class JobTimeline {

    private final List<JobPhase> phases;
    private final List<String> streams;
    /** When each phase begins, up to the terminal one, in scenario seconds. */
    private final double[] changes;

    JobTimeline(List<JobPhase> phases, List<String> streams) {
        if (phases.isEmpty() || !phases.get(phases.size() - 1).isTerminal()) {
            throw new IllegalArgumentException("a job script must end with succeeded, failed or cancelled");
        }
        this.phases = List.copyOf(phases);
        this.streams = streams.isEmpty() ? List.of("default") : List.copyOf(streams);
        List<Double> starts = new ArrayList<>();
        double start = 0;
        for (JobPhase phase : phases) {
            starts.add(start);
            if (phase.isTerminal()) {
                break;
            }
            start += phase.durationSeconds();
        }
        this.changes = starts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** When the script reaches its terminal phase, in scenario seconds. */
    double endOffset() {
        double end = 0;
        for (JobPhase phase : phases) {
            if (phase.isTerminal()) {
                return end;
            }
            end += phase.durationSeconds();
        }
        return end;
    }

    String terminalStatus() {
        return phases.get(phases.size() - 1).status();
    }

    JobSnapshot at(double t) {
        return new Player(t).play();
    }

    /**
     * When, at scenario time {@code t}, the job last changed phase: {@link #at}'s {@code lastChangeOffset} without
     * playing attempts, rows and streams. A listing filtered or ordered by update asks it of every job on each
     * page, as a real server reads an indexed column.
     */
    double lastChangeAt(double t) {
        double last = 0;
        for (double change : changes) {
            if (change > t) {
                break;
            }
            last = change;
        }
        return last;
    }

    /** The first phase change after scenario time {@code t}; infinite once the job has ended. */
    double nextChangeAfter(double t) {
        for (double change : changes) {
            if (change > t) {
                return change;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Cancelled at {@code cancelOffset}: state frozen there, unless the script had already ended. */
    JobSnapshot cancelledAt(double cancelOffset) {
        JobSnapshot frozen = at(cancelOffset);
        if (frozen.isTerminal()) {
            return frozen;
        }
        List<AttemptSnapshot> attempts = new ArrayList<>(frozen.attempts());
        if (!attempts.isEmpty()) {
            AttemptSnapshot last = attempts.remove(attempts.size() - 1);
            if (last.endOffset() == null) {
                last = new AttemptSnapshot(
                        last.number(),
                        "failed",
                        last.startOffset(),
                        cancelOffset,
                        last.rows(),
                        last.bytes(),
                        last.streams(),
                        null);
            }
            attempts.add(last);
        }
        return new JobSnapshot(
                "cancelled",
                List.copyOf(attempts),
                frozen.startOffset(),
                cancelOffset,
                cancelOffset,
                frozen.rows(),
                frozen.bytes(),
                frozen.streams(),
                null);
    }

    private final class Player {
        private final double t;
        private final List<AttemptSnapshot> attempts = new ArrayList<>();
        private String status = "pending";
        private Double jobStart;
        private Double jobEnd;
        private double lastChange;
        private String failure;
        private Double attemptStart;
        private long attemptRows;
        private long attemptBytes;

        Player(double t) {
            this.t = t;
        }

        JobSnapshot play() {
            double phaseStart = 0;
            for (JobPhase phase : phases) {
                if (t < phaseStart) {
                    break;
                }
                lastChange = phaseStart;
                enter(phase, phaseStart, Math.min(t, phaseStart + phase.durationSeconds()));
                if (phase.isTerminal()) {
                    break;
                }
                phaseStart += phase.durationSeconds();
            }
            if (attemptStart != null) {
                attempts.add(attempt("running", null, null));
            }
            long rows = attempts.stream().mapToLong(AttemptSnapshot::rows).sum();
            long bytes = attempts.stream().mapToLong(AttemptSnapshot::bytes).sum();
            return new JobSnapshot(
                    status,
                    List.copyOf(attempts),
                    jobStart,
                    jobEnd,
                    lastChange,
                    rows,
                    bytes,
                    StreamRows.split(streams, rows, bytes),
                    failure);
        }

        private void enter(JobPhase phase, double start, double until) {
            status = phase.status();
            switch (phase.status()) {
                case "running" -> {
                    startAttemptIfNone(start);
                    long rows = Math.round(phase.rowsPerSecondOrDefault() * (until - start));
                    attemptRows += rows;
                    attemptBytes += rows * phase.bytesPerRowOrDefault();
                }
                case "incomplete" ->
                    endAttempt(start, "failed", phase.failure() == null ? "Attempt failed" : phase.failure());
                case "succeeded" -> endJob(start, "succeeded", null);
                case "failed" -> endJob(start, "failed", phase.failure() == null ? "Sync failed" : phase.failure());
                case "cancelled" -> endJob(start, "failed", null);
                default -> {}
            }
        }

        private void startAttemptIfNone(double start) {
            if (attemptStart == null) {
                attemptStart = start;
                if (jobStart == null) {
                    jobStart = start;
                }
            }
        }

        private void endAttempt(double at, String attemptStatus, String message) {
            startAttemptIfNone(at);
            attempts.add(attempt(attemptStatus, at, message));
            attemptStart = null;
            attemptRows = 0;
            attemptBytes = 0;
        }

        private void endJob(double at, String attemptStatus, String message) {
            endAttempt(at, attemptStatus, message);
            jobEnd = at;
            failure = message;
        }

        private AttemptSnapshot attempt(String attemptStatus, Double end, String message) {
            return new AttemptSnapshot(
                    attempts.size(),
                    attemptStatus,
                    attemptStart,
                    end,
                    attemptRows,
                    attemptBytes,
                    StreamRows.split(streams, attemptRows, attemptBytes),
                    message);
        }
    }
}
