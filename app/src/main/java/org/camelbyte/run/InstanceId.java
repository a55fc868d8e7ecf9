package org.camelbyte.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The id this instance owns runs under. Kept in the data dir, so a process restarted on the same data dir
 * (after kill -9, say) is the same owner and takes its runs back at once instead of waiting out their lease.
 */
public final class InstanceId {
    static final String FILE = "instance-id";

    private InstanceId() {}

    /** The configured id if any, else the one in the data dir, else a new one written there. */
    public static String resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file).trim();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            String created = host() + "-" + ProcessHandle.current().pid() + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            Files.createDirectories(dataDir);
            Files.writeString(file, created + System.lineSeparator());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read or write the instance id in " + file
                            + "; make the data dir (data.dir) writable or set instance.id.",
                    e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "host";
        }
    }
}
