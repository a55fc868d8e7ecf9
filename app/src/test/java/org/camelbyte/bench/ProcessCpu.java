package org.camelbyte.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU seconds of a process tree from /proc (Linux). Each live process counts its own user and system time
 * plus that of its children that ended and were waited for (cutime, cstime): PostgreSQL's postmaster waits
 * for its backends, so a connection closed during a phase still counts, once, in the postmaster's figure.
 */
final class ProcessCpu {
    private static final double TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {}

    /** The tree under {@code rootPid}, the root included, less the process {@code excludedPid} (-1: none). */
    static double treeSeconds(long rootPid, long excludedPid) {
        ProcessHandle root = ProcessHandle.of(rootPid)
                .orElseThrow(() -> new IllegalStateException("process " + rootPid + " is not running"));
        // children first: one ending between the two reads then counts twice (in its own and the root's
        // figure, one backend's few ticks), never not at all
        List<ProcessHandle> tree =
                Stream.concat(root.descendants(), Stream.of(root)).toList();
        long ticks = 0;
        for (ProcessHandle p : tree) {
            if (p.pid() != excludedPid) {
                ticks += ticksOf(p.pid());
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** utime + stime + cutime + cstime; 0 for a process that ended meanwhile (its parent's cutime has it). */
    private static long ticksOf(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.UTF_8);
        } catch (IOException ended) {
            return 0;
        }
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state); utime, stime, cutime, cstime are fields 14 to 17
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** The kernel's clock ticks per second (USER_HZ) for /proc's times; 100 on every Linux we know of. */
    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Double.parseDouble(out);
            }
        } catch (IOException | RuntimeException e) {
            // no getconf: the usual value below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
