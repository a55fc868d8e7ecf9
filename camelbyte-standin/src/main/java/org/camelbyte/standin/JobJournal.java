package org.camelbyte.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * The stand-in's jobs on disk, one line per creation, cancel or delivered success, so a stand-in restarted with the app finds
 * the jobs it had, as a real Airbyte would, and a resumed run can follow its job to the end.
 */
final class JobJournal {
    private final Path file;

    JobJournal(Path file) {
        this.file = file;
    }

    synchronized void created(StandInJob job) {
        append("created " + job.id() + " " + job.connectionId() + " " + job.jobType() + " "
                + job.createdAt().toEpochMilli());
    }

    /** The job's success reached the listeners (its demo rows landed): a restart owes it nothing. */
    synchronized void delivered(long jobId) {
        append("delivered " + jobId);
    }

    synchronized void cancelled(StandInJob job, Instant at) {
        append("cancelled " + job.id() + " " + at.toEpochMilli());
    }

    /** Every line written so far, split into words; empty when there is no journal yet. */
    List<String[]> entries() {
        try {
            return Files.exists(file)
                    ? Files.readAllLines(file).stream()
                            .map(line -> line.split(" "))
                            .toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stand-in's job journal " + file, e);
        }
    }

    private void append(String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stand-in's job journal " + file, e);
        }
    }
}
