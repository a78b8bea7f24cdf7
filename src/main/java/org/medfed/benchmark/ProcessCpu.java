package org.medfed.benchmark;

import java.lang.management.ManagementFactory;

/** CPU time of the whole process (every thread: the work's, JIT and GC), for benchmarks whose work uses several. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** The process's CPU nanoseconds so far; 0 where the JVM does not report them. */
    public static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
