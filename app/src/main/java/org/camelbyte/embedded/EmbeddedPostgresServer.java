package org.camelbyte.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's PostgreSQL: one server whose data lives in a folder that survives restarts,
 * holding one database per use (state, warehouse).
 */
public class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (or reopens) the server keeping its data in {@code dataDir}; port 0 picks a free one. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            stopOrphan(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // the app stops it last, after releasing run leases; the library's own JVM hook stopped it at the
                    // first moment of a SIGTERM, while runs, Quartz and the pools were still writing
                    .setRegisterShutdownHook(false)
                    // the library's defaults suit throwaway test databases; run records must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            LOG.info(
                    "Embedded PostgreSQL listening on 127.0.0.1:{}, data in {}",
                    pg.getPort(),
                    dataDir.toAbsolutePath());
            return new EmbeddedPostgresServer(pg);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Embedded PostgreSQL could not start with data in " + dataDir.toAbsolutePath() + " ("
                            + e.getMessage()
                            + "); remove a stale lock there or set state.jdbc-url to an external PostgreSQL.",
                    e);
        }
    }

    /**
     * Stops a server still running on this data dir: PostgreSQL is a process of its own, so a kill -9 of
     * the app leaves it behind, holding the data dir, and the next start could not open it. Only a postgres
     * process that the pid file names for this very data dir (its second line), so a pid reused by another
     * server is left alone.
     */
    private static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return;
        }
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            pid = Long.parseLong(lines.get(0).trim());
            if (lines.size() > 1 && !Files.isSameFile(Path.of(lines.get(1).trim()), dataDir)) {
                return;
            }
        } catch (RuntimeException | IOException unreadable) {
            // PostgreSQL itself handles a stale or half-written pid file
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .command()
                        .map(command -> command.endsWith("postgres"))
                        .orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn(
                "Embedded PostgreSQL (pid {}) from an earlier run is still using {}; stopping it first",
                pid,
                dataDir.toAbsolutePath());
        fastShutdown(orphan.get());
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the old PostgreSQL to stop", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the old PostgreSQL (pid " + pid + ") did not stop within 30 s; stop it by hand", e);
        }
    }

    /**
     * SIGINT, PostgreSQL's fast shutdown: SIGTERM (ProcessHandle.destroy) is its smart shutdown, which waits
     * for every session to end, so a client still connected (a psql, a replica) held the start for good.
     */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command (not a Unix): the smart shutdown below still ends a server nobody uses
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }

    /** JDBC URL of {@code database}, created first if missing. */
    public String jdbcUrl(String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        try (Statement st = c.createStatement()) {
                            // database names here are our own constants, never user input
                            st.execute("CREATE DATABASE \"" + database + "\"");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Embedded PostgreSQL could not create database " + database + ": " + e.getMessage(), e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
