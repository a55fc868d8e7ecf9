package org.camelbyte.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/** The JVM's CPU time so far (every thread: app, stand-in and pollers alike), in seconds. */
final class Cpu {
    private Cpu() {}

    static double seconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
