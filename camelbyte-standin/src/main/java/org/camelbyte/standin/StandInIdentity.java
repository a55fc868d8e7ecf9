package org.camelbyte.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Which stand-in server this is, kept next to its job journal: a stand-in started again on the same journal is the
 * same server (its job ids mean the same jobs), another one is not, whatever port either listens on.
 */
final class StandInIdentity {
    private StandInIdentity() {}

    /** The id kept beside {@code journal} (made on first use); a fresh one for a stand-in without a journal. */
    static String of(Path journal) {
        if (journal == null) {
            return UUID.randomUUID().toString();
        }
        Path file = journal.resolveSibling(journal.getFileName() + ".server-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = UUID.randomUUID().toString();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the stand-in's server id in " + file, e);
        }
    }
}
