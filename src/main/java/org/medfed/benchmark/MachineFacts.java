package org.medfed.benchmark;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a timed benchmark ran on: cores, the load average and, where Linux reports it, the CPU pressure (the share
 * of time some runnable thread waited for a core: on a shared machine it says how much the others got in the
 * way), the JVM with its garbage collectors (which move allocation-heavy figures by half) and the date.
 */
public record MachineFacts(int cores, String loadAverage, String cpuPressure, String jvm, String date) {

    public static MachineFacts now() {
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), readLoadAverage(), readCpuPressure(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " (collectors: "
                        + ManagementFactory.getGarbageCollectorMXBeans().stream()
                                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")) + ")",
                ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    /** One line: cores, date, load average, CPU pressure and JVM. */
    public String describe() {
        return cores + " cores, " + date + ", load average " + loadAverage + ", CPU pressure " + cpuPressure + ", "
                + jvm;
    }

    /** "some" CPU pressure over the last 10 and 60 seconds from /proc/pressure/cpu (Linux 4.20+), else unknown. */
    private static String readCpuPressure() {
        Path proc = Path.of("/proc/pressure/cpu");
        try {
            if (Files.isReadable(proc)) {
                for (String line : Files.readAllLines(proc)) {
                    if (line.startsWith("some ")) {
                        String[] f = line.split("\\s+");
                        return f[1].replace("avg10=", "") + " % (10 s), " + f[2].replace("avg60=", "") + " % (60 s)";
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not every kernel reports it
        }
        return "unknown";
    }

    /** The 1, 5 and 15 minute load averages from /proc on Linux, else the JVM's 1 minute figure. */
    private static String readLoadAverage() {
        Path proc = Path.of("/proc/loadavg");
        try {
            if (Files.isReadable(proc)) {
                String[] fields = Files.readString(proc).trim().split("\\s+");
                return fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)";
            }
        } catch (IOException ignored) {
            // fall back to the JVM's figure
        }
        double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return one < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f (1 min)", one);
    }
}
