package org.camelbyte.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The PostgreSQL server the app started for its state database (state.jdbc-url empty, as shipped), found by
 * its data dir, {@code <data.dir>/postgres}: PostgreSQL's postmaster.pid names its pid (line 1) and port
 * (line 4). zonky starts it through pg_ctl, so it is no child of this JVM: the data dir is how to find it.
 */
record AppPostgres(long pid, int port) {
    /** The database the app keeps its run records in (Bootstrap's name for it). */
    private static final String STATE_DATABASE = "camelbyte_state";

    static AppPostgres of(Path appDataDir) throws IOException {
        List<String> lines = Files.readAllLines(appDataDir.resolve("postgres").resolve("postmaster.pid"));
        return new AppPostgres(
                Long.parseLong(lines.get(0).trim()),
                Integer.parseInt(lines.get(3).trim()));
    }

    String stateJdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + STATE_DATABASE;
    }

    /** CPU seconds of the postmaster and its backends and helpers so far, less the bench's own backend. */
    double cpuSeconds(long benchBackendPid) {
        return ProcessCpu.treeSeconds(pid, benchBackendPid);
    }
}
