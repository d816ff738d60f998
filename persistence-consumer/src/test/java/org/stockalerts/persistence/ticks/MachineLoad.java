package org.stockalerts.persistence.ticks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the machine was doing during a benchmark phase, from Linux's /proc: the load average, and
 * the CPU time this JVM (service and in-process broker) and everything else on the machine
 * (PostgreSQL and any other process) used. Elsewhere only this JVM's share is known.
 */
record MachineLoad(long at, String loadAverage, long jvmCpuNanos, long machineBusyTicks) {

    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final Path STAT = Path.of("/proc/stat");
    /** Linux's USER_HZ, the unit of /proc/stat, on every common architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    static MachineLoad now() {
        return new MachineLoad(System.nanoTime(), currentLoadAverage(), jvmCpu(), machineBusy());
    }

    /** One line on the phase from this snapshot to now. */
    String describeUntil(MachineLoad end) {
        double seconds = (end.at - at) / 1e9;
        double jvm = (end.jvmCpuNanos - jvmCpuNanos) / 1e9 / seconds;
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "%.1f s, load average %s at start, %s at end; this JVM used %.2f cores",
                seconds,
                loadAverage,
                end.loadAverage,
                jvm));
        if (machineBusyTicks >= 0 && end.machineBusyTicks >= 0) {
            double machine = (end.machineBusyTicks - machineBusyTicks) / TICKS_PER_SECOND / seconds;
            text.append(String.format(
                    Locale.ROOT,
                    ", the rest of the machine (PostgreSQL and any other process) %.2f of %d",
                    Math.max(0, machine - jvm),
                    Runtime.getRuntime().availableProcessors()));
        }
        return text.toString();
    }

    private static String currentLoadAverage() {
        try {
            List<String> fields = List.of(Files.readString(LOADAVG).trim().split("\\s+"));
            return fields.get(0);
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static long jvmCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Busy CPU time of the whole machine in USER_HZ ticks (user, nice, system, irq, softirq), or -1 off Linux. */
    private static long machineBusy() {
        try {
            String[] cpu = Files.readAllLines(STAT).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 7; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
