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
 * the CPU time this JVM (service and in-process broker), the PostgreSQL server (when it runs on this
 * machine) and all other processes used. Elsewhere only this JVM's share is known.
 */
record MachineLoad(long at, String loadAverage, long jvmCpuNanos, long machineBusyTicks, long postgresTicks) {

    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final Path STAT = Path.of("/proc/stat");
    /** Linux's USER_HZ, the unit of /proc/stat, on every common architecture. */
    private static final double TICKS_PER_SECOND = 100.0;
    /** Positions of utime and stime in /proc/[pid]/stat, counted from the field after the command name. */
    private static final int UTIME = 11;

    private static final int STIME = 12;

    /** The machine now; {@code postgresPids} are the server's processes, when it runs on this machine. */
    static MachineLoad now(List<Long> postgresPids) {
        return new MachineLoad(
                System.nanoTime(), currentLoadAverage(), jvmCpu(), machineBusy(), processTicks(postgresPids));
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
            double postgres = postgresTicks >= 0 && end.postgresTicks >= 0
                    ? (end.postgresTicks - postgresTicks) / TICKS_PER_SECOND / seconds
                    : Double.NaN;
            if (Double.isNaN(postgres)) {
                text.append(String.format(
                        Locale.ROOT, ", the rest of the machine (PostgreSQL and other processes) %.2f", machine - jvm));
            } else {
                text.append(String.format(
                        Locale.ROOT,
                        ", PostgreSQL %.2f, other processes %.2f",
                        postgres,
                        Math.max(0, machine - jvm - postgres)));
            }
            text.append(" (of ")
                    .append(Runtime.getRuntime().availableProcessors())
                    .append(')');
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

    /** CPU time (user and system, USER_HZ ticks) of the processes {@code pids}, or -1 when /proc cannot tell. */
    private static long processTicks(List<Long> pids) {
        if (pids.isEmpty()) {
            return -1;
        }
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // fields after the command name, which is in parentheses and may hold spaces
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]);
            } catch (IOException | RuntimeException e) {
                // a process that ended meanwhile: its time is lost to the count
            }
        }
        return ticks;
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
