package org.stockalerts.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The suite's command line: {@code [scenario…] [--kills N] [--rate TICKS_PER_S] [--users N]
 * [--min-gap S] [--max-gap S] [--broker-down S,S…] [--baseline S] [--blackhole S] [--latency-phase S]
 * [--added-latency MS] [--after-heal S] [--seed N] [--kafka-lib DIR] [--work DIR]}; no scenario means
 * C1 C2 C3 (C5, the broker's outages, C7, the proxy's, and C10, alert-consumer's clock 6 min ahead, run
 * only when named).
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
        long seed,
        Path kafkaLib,
        Path work) {

    static final List<String> KILLS = List.of("C1", "C2", "C3");
    static final List<String> KNOWN = List.of("C1", "C2", "C3", "C5", "C7", "C10");

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
        long seed = 16;
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
                case "--broker-down" ->
                    brokerDown = Stream.of(args[++i].split(","))
                            .map(Integer::valueOf)
                            .toList();
                case "--baseline", "--blackhole", "--latency-phase", "--added-latency", "--after-heal" ->
                    phaseArgs.put(arg, Integer.parseInt(args[++i]));
                case "--seed" -> seed = Long.parseLong(args[++i]);
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
                || !phases.valid()) {
            throw new IllegalArgumentException("need kills, rate, users >= 1, 0 <= min-gap <= max-gap, broker down"
                    + " times >= 0, baseline and after-heal > 0, blackhole, latency phase and added latency >= 0");
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
                seed,
                lib,
                work);
    }
}
