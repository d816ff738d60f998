package org.stockalerts.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.stockalerts.e2e.ServiceImage;

/**
 * The suite's command line: {@code [scenario…] [--kills N] [--rate TICKS_PER_S] [--users N]
 * [--min-gap S] [--max-gap S] [--broker-down S,S…] [--pause S] [--db-down S,S…] [--drain S]
 * [--baseline S] [--blackhole S] [--latency-phase S] [--added-latency MS] [--after-heal S] [--settle S] [--seed N]
 * [--aot-cache on|off] [--kafka-lib DIR] [--work DIR]}; no scenario means C1 C2 C3 (C4, C5, C6, C7, C10 and S1
 * run only when named). {@code --aot-cache on} (the default) runs the services as the launcher does, with the JVM's AOT
 * cache trained into {@code WORK/aot} (on JDK 25 and newer); {@code off} from their executable jars. {@code --settle}
 * (60 s): how long the load runs before the first fault, so that the faults meet a system in its steady state
 * rather than one still compiling its hot paths.
 */
record Options(
        List<String> scenarios,
        int kills,
        int rate,
        int users,
        int minGapSeconds,
        int maxGapSeconds,
        List<Integer> brokerDownSeconds,
        ProxyPhases proxyPhases,
        int pauseSeconds,
        List<Integer> databaseDownSeconds,
        int drainSeconds,
        int settleSeconds,
        long seed,
        boolean aotCache,
        Path kafkaLib,
        Path work) {

    static final List<String> KILLS = List.of("C1", "C2", "C3");
    static final List<String> KNOWN = List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C10", "S1");

    /**
     * C7's phases, in order: the load before the fault, alert-consumer's link to the broker held (a
     * blackhole), then slowed by an added latency each way, then healed and watched.
     */
    record ProxyPhases(
            int baselineSeconds,
            int blackholeSeconds,
            int latencySeconds,
            int addedLatencyMillis,
            int afterHealSeconds) {

        /** The figures (blackhole 60 s, then 200 ms for 5 min), unless the command line says otherwise. */
        static ProxyPhases of(Map<String, Integer> given) {
            return new ProxyPhases(
                    given.getOrDefault("--baseline", 30),
                    given.getOrDefault("--blackhole", 60),
                    given.getOrDefault("--latency-phase", 300),
                    given.getOrDefault("--added-latency", 200),
                    given.getOrDefault("--after-heal", 120));
        }

        boolean valid() {
            return baselineSeconds > 0
                    && blackholeSeconds >= 0
                    && latencySeconds >= 0
                    && addedLatencyMillis >= 0
                    && afterHealSeconds > 0;
        }
    }

    static Options parse(String... args) {
        List<String> scenarios = new ArrayList<>();
        int kills = 20;
        int rate = 1000;
        int users = 10;
        int minGap = 5;
        int maxGap = 30;
        List<Integer> brokerDown = List.of(5, 30, 150, 360);
        Map<String, Integer> phaseArgs = new HashMap<>();
        int pause = 60;
        List<Integer> databaseDown = List.of(30, 180);
        int drain = 180;
        int settle = 60;
        long seed = 16;
        boolean aotCache = true;
        Path lib = Path.of("target/kafka-lib");
        Path work = Path.of("target/faults");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--kills" -> kills = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--users" -> users = Integer.parseInt(args[++i]);
                case "--min-gap" -> minGap = Integer.parseInt(args[++i]);
                case "--max-gap" -> maxGap = Integer.parseInt(args[++i]);
                case "--broker-down" -> brokerDown = seconds(args[++i]);
                case "--pause" -> pause = Integer.parseInt(args[++i]);
                case "--db-down" -> databaseDown = seconds(args[++i]);
                case "--drain" -> drain = Integer.parseInt(args[++i]);
                case "--settle" -> settle = Integer.parseInt(args[++i]);
                case "--baseline", "--blackhole", "--latency-phase", "--added-latency", "--after-heal" ->
                    phaseArgs.put(arg, Integer.parseInt(args[++i]));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--aot-cache" ->
                    aotCache = switch (args[++i]) {
                        case "on" -> true;
                        case "off" -> false;
                        default -> throw new IllegalArgumentException("--aot-cache takes on or off, not " + args[i]);
                    };
                case "--kafka-lib" -> lib = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> {
                    if (!KNOWN.contains(arg.toUpperCase(Locale.ROOT))) {
                        throw new IllegalArgumentException(
                                "unknown scenario or option " + arg + "; scenarios: " + KNOWN);
                    }
                    scenarios.add(arg.toUpperCase(Locale.ROOT));
                }
            }
        }
        ProxyPhases phases = ProxyPhases.of(phaseArgs);
        if (kills < 1
                || rate < 1
                || users < 1
                || minGap < 0
                || maxGap < minGap
                || brokerDown.stream().anyMatch(seconds -> seconds < 0)
                || pause < 1
                || databaseDown.stream().anyMatch(seconds -> seconds < 1)
                || drain < 1
                || settle < 0
                || !phases.valid()) {
            throw new IllegalArgumentException("need kills, rate, users, pause, database down times and drain >= 1,"
                    + " settle >= 0,"
                    + " 0 <= min-gap <= max-gap, broker down times >= 0, baseline and after-heal > 0, blackhole,"
                    + " latency phase and added latency >= 0");
        }
        return new Options(
                scenarios.isEmpty() ? KILLS : scenarios,
                kills,
                rate,
                users,
                minGap,
                maxGap,
                brokerDown,
                phases,
                pause,
                databaseDown,
                drain,
                settle,
                seed,
                aotCache,
                lib,
                work);
    }

    /** Where the services' trained images are kept between runs, or null: the executable jars, no AOT cache. */
    Path images() {
        if (!aotCache) {
            return null;
        }
        if (!ServiceImage.aotSupported()) {
            System.out.println("JDK " + Runtime.version() + " makes no AOT cache (25 or newer does): the services"
                    + " start from their executable jars");
            return null;
        }
        return work.resolve("aot");
    }

    /** {@code 30,180} → [30, 180]. */
    private static List<Integer> seconds(String list) {
        return Stream.of(list.split(",")).map(Integer::valueOf).toList();
    }
}
